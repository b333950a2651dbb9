using AntDesign;
using Microsoft.AspNetCore.Components;
using Xuncha.Core.Features.Teams;
using Xuncha.Core.Security;
using Xuncha.Web.Components.Shared;

namespace Xuncha.Web.Components.Pages.Teams;

public partial class TeamsPage
{
    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ListTeamRoundsHandler Rounds { get; set; } = default!;
    [Inject] private GetRoundTeamsHandler TeamsHandler { get; set; } = default!;
    [Inject] private AssignTeamsHandler Assign { get; set; } = default!;
    [Inject] private EditTeamsHandler Edit { get; set; } = default!;
    [Inject] private RoundPoolHandler PoolHandler { get; set; } = default!;
    [Inject] private ExpertInvitationsHandler Invitations { get; set; } = default!;
    [Inject] private IMessageService Message { get; set; } = default!;

    internal sealed record RoundOption(Guid? Id, string Label);

    internal sealed record PersonOption(Guid? Id, string Name, string Label, string Skills, string Ties, string? TeamName);

    internal sealed record TeamOption(Guid? Id, string Name);

    /// <summary>The round to open (links from a round's page); otherwise the first.</summary>
    [SupplyParameterFromQuery(Name = "round")]
    public Guid? RoundQuery { get; set; }

    private UserScope? user;
    private Exception? error;
    private List<RoundOption> roundOptions = [];
    private Guid? roundId;
    private RoundTeams? teams;
    private IReadOnlyList<string>? reasons;
    private Dictionary<string, string[]> errors = new();
    private bool assigning;
    private bool assignOpen;
    private bool createOpen;
    private bool addOpen;
    private bool moveOpen;
    private bool inviteOpen;
    private int? teamCount;
    private bool replace;
    private string? newName;
    private TeamView? editTeam;
    private Guid? personId;
    private List<PersonOption> personOptions = [];
    private TargetVillage? moveVillage;
    private Guid? moveTo;
    private List<TeamOption> teamOptions = [];
    private IReadOnlyList<ExpertOption> experts = [];
    private Guid? expertId;
    private string? inviteNote;
    private int conflictsKey;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            user = await Current.GetAsync();
            var rounds = await Rounds.Handle(user);
            roundOptions = rounds.Select(r => new RoundOption(r.Id,
                $"{r.Name}（{r.RegionName} · {r.StartDate:yyyy-MM-dd} 至 {r.EndDate:yyyy-MM-dd} · {r.Targets} 村）")).ToList();
            if (rounds.Count > 0)
            {
                await OnRoundChanged(RoundQuery is { } q && rounds.Any(r => r.Id == q) ? q : rounds[0].Id);
            }
        }
        catch (ForbiddenException ex)
        {
            error = ex;
        }
    }

    private async Task OnRoundChanged(Guid? id)
    {
        roundId = id;
        reasons = null;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        teams = roundId is { } id ? await TeamsHandler.Handle(id, user!) : null;
        conflictsKey++;
    }

    private string? Err(string field) => errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;

    private void OpenAssign()
    {
        errors = new();
        teamCount = Math.Max(1, (teams!.Round.TargetCount + 4) / 5);
        replace = false;
        assignOpen = true;
    }

    private async Task AssignAsync()
    {
        errors = new();
        assignOpen = false;
        assigning = true;
        reasons = null;
        StateHasChanged();
        try
        {
            var result = await Assign.Handle(new AssignTeams(roundId!.Value, teamCount, replace), user!);
            if (result.Success)
            {
                _ = Message.SuccessAsync($"已组建 {result.TeamCount} 个巡察组，分配 {result.Villages} 个村社（用时 {result.Seconds:0.0} 秒）。");
            }
            else
            {
                reasons = result.Reasons;
            }

            await ReloadAsync();
        }
        catch (ValidationException ex)
        {
            errors = ex.Errors.ToDictionary(e => e.Key, e => e.Value);
            assignOpen = true;
        }
        finally
        {
            assigning = false;
        }
    }

    private void OpenCreate()
    {
        errors = new();
        newName = TeamTexts.TeamName(teams!.Teams.Count + 1);
        createOpen = true;
    }

    private Task CreateAsync() => Run(async () =>
    {
        await Edit.Create(new CreateTeam(roundId!.Value, newName), user!);
        createOpen = false;
    }, "已新建巡察组。");

    private async Task OpenAddMember(TeamView team)
    {
        errors = new();
        editTeam = team;
        personId = null;
        var villages = team.Villages.Select(v => v.Code).ToHashSet();
        var pool = await PoolHandler.Pool(roundId!.Value, user!);
        personOptions = pool.Where(p => team.Members.All(m => m.PersonId != p.Id))
            .OrderBy(p => p.TeamName is not null).ThenBy(p => p.Ties.Any(t => villages.Contains(t.VillageCode))).ThenBy(p => p.Name)
            .Select(p =>
            {
                var ties = string.Join("；", p.Ties.Where(t => villages.Contains(t.VillageCode)).Select(t => $"{t.VillageName}（{t.Reason}）"));
                return new PersonOption(p.Id, p.Name, $"{p.Name} {string.Join("、", p.Skills)}", string.Join("、", p.Skills) + (p.CanLead ? " · 组长人选" : ""), ties, p.TeamName);
            }).ToList();
        addOpen = true;
    }

    private Task AddMemberAsync() => Run(async () =>
    {
        await Edit.AddMember(new AddMember(roundId!.Value, editTeam!.Id, personId ?? Guid.Empty), user!);
        addOpen = false;
    }, "已加入组员。", notFoundField: "personId");

    private Task RemoveAsync((TeamView Team, MemberView Member) x) =>
        Run(() => Edit.RemoveMember(new RemoveMember(roundId!.Value, x.Team.Id, x.Member.PersonId), user!), $"已将{x.Member.Name}移出{x.Team.Name}。");

    private Task LeaderAsync((TeamView Team, MemberView Member) x) =>
        Run(() => Edit.SetLeader(new SetLeader(roundId!.Value, x.Team.Id, x.Member.PersonId), user!), $"{x.Member.Name}已任{x.Team.Name}组长。");

    private void OpenMove((TeamView? Team, TargetVillage Village) x)
    {
        errors = new();
        moveVillage = x.Village;
        moveTo = x.Team?.Id;
        teamOptions = teams!.Teams.Select(t => new TeamOption(t.Id, t.Name)).ToList();
        moveOpen = true;
    }

    private Task MoveAsync() => Run(async () =>
    {
        await Edit.MoveTarget(new MoveTarget(roundId!.Value, moveVillage!.Code, moveTo), user!);
        moveOpen = false;
    }, "已调整巡察村社。");

    private async Task OpenInvite(TeamView team)
    {
        errors = new();
        editTeam = team;
        expertId = null;
        inviteNote = null;
        experts = await Invitations.Candidates(user!);
        inviteOpen = true;
    }

    private Task InviteAsync() => Run(async () =>
    {
        var invitation = await Invitations.ToTeam(roundId!.Value, editTeam!.Id, new InviteExpert(expertId ?? Guid.Empty, inviteNote), user!);
        inviteOpen = false;
        foreach (var w in invitation.Warnings)
        {
            _ = Message.WarningAsync(w);
        }
    }, "已邀请专家。");

    /// <summary>Runs an edit; the server's refusals land under their fields, or as a message when no form is open.</summary>
    private async Task Run(Func<Task> action, string done, string? notFoundField = null)
    {
        errors = new();
        try
        {
            await action();
            _ = Message.SuccessAsync(done);
            await ReloadAsync();
        }
        catch (ValidationException ex)
        {
            errors = ex.Errors.ToDictionary(e => e.Key, e => e.Value);
            if (!(addOpen || moveOpen || inviteOpen || createOpen))
            {
                _ = Message.ErrorAsync(ex.Message);
            }
        }
        catch (NotFoundException ex) when (notFoundField is not null)
        {
            errors = new() { [notFoundField] = ["请选择人员。"] };
            _ = ex;
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException)
        {
            _ = Message.ErrorAsync(ex.Message);
        }
    }
}
