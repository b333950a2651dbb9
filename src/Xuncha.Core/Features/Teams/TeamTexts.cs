namespace Xuncha.Core.Features.Teams;

/// <summary>The Chinese of the 巡察组 area, in one place.</summary>
public static class TeamTexts
{
    public const string EditAction = "编组或调整巡察组";
    public const string ViewAction = "查看巡察组";
    public const string AutoOrigin = "auto";
    public const string ManualOrigin = "manual";

    public static string RoundNotFound(Guid id) => $"找不到巡察轮次「{id}」。";
    public static string TeamNotFound(Guid id) => $"找不到巡察组「{id}」。";
    public static string PersonNotFound(Guid id) => $"人员库中找不到人员「{id}」。";
    public static string TargetNotFound(string code) => $"「{code}」不是本轮次的巡察对象村。";
    public static string ExpertNotFound(Guid id) => $"专家库中找不到专家「{id}」。";
    public static string FindingNotFound(Guid id) => $"找不到问题「{id}」。";

    private static readonly string[] Numerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>第一巡察组, 第十二巡察组, 第二十巡察组 …</summary>
    public static string TeamName(int n) => $"第{Chinese(n)}巡察组";

    public static string Chinese(int n) => n switch
    {
        <= 10 => Numerals[n],
        < 20 => "十" + Numerals[n % 10].Replace("零", ""),
        < 100 => Numerals[n / 10] + "十" + (n % 10 == 0 ? "" : Numerals[n % 10]),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // Assignment
    public const string AlreadyHasTeams = "本轮次已有巡察组。如需重新自动分配，请勾选“替换现有巡察组”（现有分组及专家邀请将被删除）。";
    public const string NoTargets = "本轮次还没有巡察对象村，请先在“巡察轮次”中选定村社。";
    public const string TeamCountPositive = "组数至少为 1。";
    public static string MoreTeamsThanVillages(int teams, int villages) => $"组数（{teams}）多于巡察村数（{villages}），请减少组数。";
    public static string PoolTooSmall(int pool, int teams, int min) =>
        $"可用人员只有 {pool} 人，不足以组成 {teams} 个巡察组（每组至少 {min} 人，共需 {teams * min} 人）。请减少组数或补充人员库。";
    public static string TooFewLeaders(int leaders, int teams) => $"可担任组长的人员只有 {leaders} 人，不足以组成 {teams} 个巡察组。请在人员库中增加组长人选或减少组数。";
    public static string TooFewWithSkill(string skill, int count, int teams) => $"{skill}人员只有 {count} 人，不足以组成 {teams} 个巡察组。";
    public static string VillageNoSkill(string village, string skill) => $"{village}：无可回避的{skill}人员";
    public static string VillageNoLeader(string village) => $"{village}：无可回避的组长人选";
    public static string TooManyVillagesPerTeam(int villages, int teams, int max) =>
        $"每组最多巡察 {max} 个村，{teams} 个组无法覆盖 {villages} 个村，请增加组数。";
    public const string SolverInfeasible = "在技能、人数和回避要求下找不到可行的分组方案。建议：减少组数、补充人员（尤其是稀缺技能和组长人选），或放宽每组人数上限。";
    public static string SolverTimeout(double seconds) => $"在 {seconds:0.#} 秒内未找到可行的分组方案。建议：减少组数或补充人员后重试。";

    // Manual edits
    public const string NameRequired = "请填写巡察组名称。";
    public static string NameTaken(string name) => $"本轮次已有名为「{name}」的巡察组。";
    public static string AlreadyMember(string name) => $"{name}已在本组。";
    public static string NotAMember(string name) => $"{name}不是本组成员。";
    public static string NotInPool(string name) => $"{name}不在本轮次可用的人员库范围内（或已标记为不可用）。";
    public static string BusyElsewhere(string name, string team, string round) => $"{name}已在「{round}」的{team}，两个轮次时间重叠，不能同时参加。";
    public static string OnOtherTeam(string name, string team) => $"{name}已在本轮次的{team}，请先将其从该组移出。";
    public static string PersonTied(string name, string village, string reason) => $"{name}须回避{village}：{reason}";
    public static string VillageTied(string village, string name, string reason) => $"{village}与本组成员{name}有回避关系：{reason}";

    // Warnings on a team
    public static string MissingSkill(string skill) => $"缺少{skill}人员";
    public const string NoLeader = "未指定组长";
    public static string LeaderNotCandidate(string name) => $"组长{name}未列为组长人选";
    public static string TooSmall(int n, int min) => $"仅 {n} 人，少于每组 {min} 人";
    public static string TooLarge(int n, int max) => $"共 {n} 人，超过每组 {max} 人";
    public static string Conflict(string name, string village, string reason) => $"回避冲突：{name}—{village}（{reason}）";
    public static string ExpertTied(string name, string village) => $"专家{name}户籍（出生）在{village}，该村问题应回避";

    // Experts
    public const string InviteTarget = "请选择邀请到巡察组或具体问题。";
    public static string ExpertUnavailable(string name) => $"专家{name}当前不可用。";
}
