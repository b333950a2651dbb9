using AntDesign;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.Rectification;
using Xuncha.Core.Security;
using Xuncha.Web.Components.Shared;

namespace Xuncha.Web.Components.Pages.Rectification;

public partial class TaskPage
{
    [Inject] private CurrentUser Current { get; set; } = null!;
    [Inject] private GetRectificationTaskHandler Handler { get; set; } = null!;
    [Inject] private ReportProgressHandler Progress { get; set; } = null!;
    [Inject] private ReviewRectificationHandler Review { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IMessageService Message { get; set; } = null!;

    [Parameter] public Guid Id { get; set; }

    private UserScope? user;
    private RectificationDetail? detail;
    private Exception? error;
    private string? actionError;
    private int version;
    private bool canReadFindings;
    private bool canEdit;
    private bool editOpen;
    private bool saving;
    private Dictionary<string, string[]> errors = new();

    private DateOnly? reportDate;
    private string? reportText;
    private List<IBrowserFile> picked = [];

    private bool approveOpen;
    private int? score;
    private string? method;
    private int? satisfaction;
    private int? institutions;
    private int? punished;
    private int? organisational;
    private int? admonished;
    private string? evalNote;

    private bool reasonOpen;
    private RectificationAction reasonAction;
    private string? reason;
    private DateOnly? newDeadline;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            user ??= await Current.GetAsync();
            canReadFindings = user.IsInAnyRole(FindingAccess.Readers);
            canEdit = user.IsInAnyRole(RectificationAccess.Offices);
            reportDate = Today;
            await ReloadAsync();
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException)
        {
            error = ex;
        }
    }

    private async Task ReloadAsync()
    {
        detail = await Handler.Handle(Id, user!);
        version++;
    }

    /// <summary>China's date, whatever the server's zone.</summary>
    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private bool Can(RectificationAction a) => detail?.Actions.Contains(a) == true;

    private string? Err(string field) => errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;

    private void PickFiles(InputFileChangeEventArgs e)
    {
        picked = e.GetMultipleFiles(ReportProgressHandler.MaxFiles + 1).ToList();
        errors.Remove("file");
    }

    private async Task Run(Func<Task> action, string done)
    {
        actionError = null;
        try
        {
            await action();
            errors = new();
            _ = Message.SuccessAsync(done);
            await ReloadAsync();
        }
        catch (ValidationException ex)
        {
            errors = ex.Errors.ToDictionary(x => x.Key, x => x.Value);
            if (ex.Errors.ContainsKey("status"))
            {
                actionError = ex.Message;
            }
        }
        catch (ForbiddenException ex)
        {
            actionError = ex.Message;
        }
    }

    private async Task ReportAsync()
    {
        saving = true;
        try
        {
            await Run(async () =>
            {
                if (picked.Any(f => f.Size > EvidenceRules.MaxBytes))
                {
                    throw new ValidationException("file", "单个文件不能超过 20 MB，请压缩后重新选择。");
                }

                var streams = picked.Select(f => new UploadedFile(f.Name, f.OpenReadStream(EvidenceRules.MaxBytes))).ToList();
                try
                {
                    await Progress.Handle(new ReportProgress(Id, reportDate, reportText, streams), user!);
                }
                finally
                {
                    foreach (var s in streams)
                    {
                        await s.Content.DisposeAsync();
                    }
                }

                reportText = null;
                picked = [];
            }, "进展已提交");
        }
        finally
        {
            saving = false;
        }
    }

    private async Task EditedAsync()
    {
        editOpen = false;
        _ = Message.SuccessAsync("已保存");
        await ReloadAsync();
    }

    private Task ApplyAsync() => Run(() => Review.Apply(Id, null, user!), "已申请销号，等待巡察办审核");

    private void OpenApprove()
    {
        (score, method, satisfaction, evalNote) = (null, null, null, null);
        (institutions, punished, organisational, admonished) = (detail!.InstitutionsBuilt, detail.PeoplePunished, detail.PeopleOrganisational, detail.PeopleAdmonished);
        errors = new();
        approveOpen = true;
    }

    private async Task ApproveAsync()
    {
        await Run(() => Review.Approve(new ApproveClose(Id, score, method, satisfaction, evalNote, institutions, punished, organisational, admonished), user!), "已销号");
        approveOpen = errors.Count > 0 && actionError is null;
    }

    private void OpenReason(RectificationAction action)
    {
        (reasonAction, reason, errors) = (action, null, new());
        newDeadline = action == RectificationAction.Reopen ? Today.AddDays(30) : null;
        reasonOpen = true;
    }

    private async Task ReasonAsync()
    {
        await Run(() => reasonAction == RectificationAction.Return ? Review.Return(Id, reason, user!) : Review.Reopen(Id, reason, newDeadline, user!),
            reasonAction == RectificationAction.Return ? "已退回" : "已重新打开，任务回到整改中");
        reasonOpen = errors.Count > 0 && actionError is null;
    }
}
