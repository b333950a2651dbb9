using Xuncha.Core.Domain.Users;

namespace Xuncha.Web.Components.Layout;

public sealed record NavLinkItem(string Title, string Href);

public sealed record NavSection(string Key, string Title, string Icon, IReadOnlyList<NavLinkItem> Items, IReadOnlySet<string>? Roles = null)
{
    public bool VisibleTo(IReadOnlySet<string> userRoles) => Roles is null || Roles.Overlaps(userRoles);
}

/// <summary>The side menu, grouped by the inspection lifecycle (shared spec ui.md).</summary>
public static class Navigation
{
    private static readonly HashSet<string> Offices = [Core.Domain.Users.Roles.Admin, Core.Domain.Users.Roles.CityOffice, Core.Domain.Users.Roles.CountyOffice];
    private static readonly HashSet<string> AuditViewers = [.. Core.Features.Audit.AuditLogHandler.Viewers];

    public static readonly IReadOnlyList<NavSection> Sections =
    [
        new("home", "首页", "home", [new("首页", "/")]),
        new("plan", "巡察规划", "calendar", [new("年度计划", "/plans"), new("巡察轮次", "/rounds"), new("风险排序", "/risk")]),
        new("targets", "巡察对象", "environment", [new("村社档案", "/regions")]),
        new("forces", "巡察力量", "team", [new("人员库", "/people"), new("专家库", "/experts"), new("巡察组", "/teams")]),
        new("screening", "数据筛查", "radar-chart", [new("数据导入", "/screening/imports"), new("疑似问题", "/screening/leads"), new("规则库", "/screening/rules")]),
        new("field", "巡察实施", "solution", [new("一村一单", "/checklists"), new("走访谈话", "/visits"), new("指导组", "/guidance"), new("群众反映", "/reports")]),
        new("findings", "问题管理", "exception", [new("问题台账", "/findings"), new("线索移交", "/clues"), new("典型案例", "/cases")]),
        new("documents", "报告清单", "file-text", [new("报告清单", "/documents")]),
        new("rectify", "反馈整改", "check-circle", [new("反馈记录", "/feedback"), new("整改任务", "/rectification"), new("整改督办", "/supervision")]),
        new("stats", "统计分析", "bar-chart", [new("统计分析", "/statistics")]),
        new("admin", "系统管理", "setting", [new("用户管理", "/admin/users"), new("API 令牌", "/me/tokens")], Offices),
        new("audit", "审计日志", "audit", [new("审计日志", "/audit")], AuditViewers),
    ];

    /// <summary>Title of a page that later issues will build, for the 建设中 placeholder.</summary>
    public static string? TitleOf(string path) =>
        Sections.SelectMany(s => s.Items).FirstOrDefault(i => string.Equals(i.Href, path, StringComparison.OrdinalIgnoreCase))?.Title;
}
