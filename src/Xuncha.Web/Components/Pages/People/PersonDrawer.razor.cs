using AntDesign;
using Microsoft.AspNetCore.Components;
using Xuncha.Core.Features.People;
using Xuncha.Core.Security;

namespace Xuncha.Web.Components.Pages.People;

public partial class PersonDrawer
{
    /// <summary>The person to show or edit; null with <see cref="Edit"/> for a new one.</summary>
    [Parameter] public Guid? PersonId { get; set; }
    [Parameter] public bool Edit { get; set; }
    [Parameter] public bool Visible { get; set; }
    [Parameter] public EventCallback<bool> VisibleChanged { get; set; }
    [Parameter, EditorRequired] public UserScope User { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<PoolOption> Pools { get; set; } = [];
    [Parameter, EditorRequired] public List<CascaderNode> RegionTree { get; set; } = [];
    [Parameter] public EventCallback<PersonDetail> OnSaved { get; set; }

    private sealed class WorkForm
    {
        public string? RegionCode { get; set; }
        public string? Unit { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
    }

    private sealed class RelativeForm
    {
        public string? Name { get; set; }
        public string? Relation { get; set; }
        public string? IdNumber { get; set; }
        public string? VillageCode { get; set; }
        public string? Position { get; set; }
    }

    private sealed class PersonForm
    {
        public string? Name { get; set; }
        public string? IdNumber { get; set; }
        public string? Gender { get; set; }
        public string? Unit { get; set; }
        public string? Position { get; set; }
        public string? Phone { get; set; }
        public string? RegionCode { get; set; }
        public string? HomeVillageCode { get; set; }
        public List<string> Skills { get; set; } = [];
        public int? TownshipYears { get; set; }
        public bool CanLead { get; set; }
        public List<WorkForm> Works { get; set; } = [];
        public List<RelativeForm> Relatives { get; set; } = [];
    }

    private static readonly string[] genders = ["男", "女"];
    private PersonDetail? detail;
    private Exception? loadError;
    private bool editing;
    private bool saving;
    private PersonForm form = new();
    private Dictionary<string, string[]> errors = new();
    private (Guid? Id, bool Edit, bool Visible) loaded;

    private string DrawerTitle => editing ? (detail is null ? "新建人员" : $"编辑：{detail.Name}") : detail?.Name ?? "人员";

    protected override async Task OnParametersSetAsync()
    {
        if (!Visible || loaded == (PersonId, Edit, Visible))
        {
            loaded = (PersonId, Edit, Visible);
            return;
        }

        loaded = (PersonId, Edit, Visible);
        loadError = null;
        errors = new();
        detail = null;
        try
        {
            if (PersonId is { } id)
            {
                detail = await GetHandler.Handle(new GetPerson(id), User);
                accountInput = detail.AccountUserName;
                accountError = null;
            }
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException)
        {
            loadError = ex;
            return;
        }

        editing = Edit;
        form = detail is null ? new PersonForm { RegionCode = User.DefaultPool() ?? Pools.FirstOrDefault()?.Code } : FormOf(detail);
    }

    private static PersonForm FormOf(PersonDetail d) => new()
    {
        Name = d.Name,
        IdNumber = d.IdNumber,
        Gender = d.Gender.Length == 0 ? null : d.Gender,
        Unit = d.Unit,
        Position = d.Position,
        Phone = d.Phone,
        RegionCode = d.RegionCode,
        HomeVillageCode = d.HomeVillageCode,
        Skills = [.. d.Skills],
        TownshipYears = d.TownshipYears,
        CanLead = d.CanLead,
        Works = d.Works.Select(w => new WorkForm { RegionCode = w.RegionCode, Unit = w.Unit, From = w.From.ToDateTime(TimeOnly.MinValue), To = w.To?.ToDateTime(TimeOnly.MinValue) }).ToList(),
        Relatives = d.Relatives.Select(r => new RelativeForm { Name = r.Name, Relation = r.Relation, IdNumber = r.IdNumber, VillageCode = r.VillageCode, Position = r.Position }).ToList(),
    };

    private void StartEdit()
    {
        form = FormOf(detail!);
        errors = new();
        editing = true;
    }

    private Task CancelAsync()
    {
        if (detail is not null && !Edit)
        {
            editing = false;
            errors = new();
            return Task.CompletedTask;
        }

        return CloseAsync();
    }

    private void Toggle(string skill, bool on)
    {
        if (on && !form.Skills.Contains(skill))
        {
            form.Skills.Add(skill);
        }
        else if (!on)
        {
            form.Skills.Remove(skill);
        }
    }

    private string? Err(string field) => errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;

    /// <summary>A row cell's error without the row's name, which the row itself shows.</summary>
    private string? RowErr(string field, string rowLabel) => Err(field)?.Replace(rowLabel, "", StringComparison.Ordinal);

    private static string Dash(string? value) => string.IsNullOrEmpty(value) ? "—" : value;

    private static DateOnly? Day(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var input = new PersonInput(
                form.Name, form.IdNumber, form.Gender, form.Unit, form.Position, form.Phone, form.RegionCode, form.HomeVillageCode,
                form.Skills, form.TownshipYears ?? 0, form.CanLead, null,
                form.Works.Select(w => new WorkInput(w.RegionCode, w.Unit, Day(w.From), Day(w.To))).ToList(),
                form.Relatives.Select(r => new RelativeInput(r.Name, r.Relation, r.IdNumber, r.VillageCode, r.Position)).ToList());
            var saved = detail is null ? await SaveHandler.Create(input, User) : await SaveHandler.Update(detail.Id, input, User);
            errors = new();
            _ = Message.SuccessAsync(detail is null ? $"已新建「{saved.Name}」" : $"已保存「{saved.Name}」");
            detail = saved;
            editing = false;
            await OnSaved.InvokeAsync(saved);
        }
        catch (ValidationException ex)
        {
            errors = ex.Errors.ToDictionary(e => e.Key, e => e.Value);
        }
        finally
        {
            saving = false;
        }
    }

    private Task CloseAsync() => VisibleChanged.InvokeAsync(false);

    private string? accountInput;
    private string? accountError;
    private bool linking;

    private async Task LinkAccountAsync()
    {
        if (detail is null)
        {
            return;
        }

        linking = true;
        accountError = null;
        try
        {
            var linked = await LinkHandler.Handle(new LinkPersonAccount(detail.Id, accountInput), User);
            detail = detail with { AccountUserName = linked, HasAccount = linked is not null };
            _ = Message.SuccessAsync(linked is null ? "已解除账号关联。" : $"已关联账号 {linked}。");
        }
        catch (ValidationException ex)
        {
            accountError = ex.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? ex.Message;
        }
        finally
        {
            linking = false;
        }
    }
}
