using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Features.Fieldwork;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Statistics;

/// <summary>The records behind a figure that has no list page of its own: inspected villages, visits, suggestions, clues.</summary>
public sealed record GetDashboardDetails(string Kind, string? Region = null, int? Year = null, Guid? RoundId = null);

public sealed record DetailTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int Total);

public sealed partial class DashboardHandler
{
    public const int MaxDetailRows = 500;

    public static readonly IReadOnlyList<string> DetailKinds = ["villages", "visits", "suggestions", "clues"];

    public async Task<DetailTable> Details(GetDashboardDetails q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(StatisticsAccess.Viewers, StatisticsAccess.ViewAction);
        if (!DetailKinds.Contains(q.Kind))
        {
            throw new ValidationException("kind", $"明细类型只能是 {string.Join("、", DetailKinds)}。");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (node, period, c) = await PrepareAsync(db, new GetDashboard(q.Region, q.Year, q.RoundId), user, ct);
        var title = $"{node.Name} · {period}";
        switch (q.Kind)
        {
            case "villages":
            {
                var rows = await (from t in c.Targets()
                                  join r in db.Rounds on t.RoundId equals r.Id
                                  join v in db.Regions on t.VillageCode equals v.Code
                                  orderby t.VillageCode
                                  select new { t.VillageCode, Village = v.Name, Township = v.Parent!.Name, Round = r.Name }).ToListAsync(ct);
                var villages = rows.GroupBy(r => r.VillageCode).Select(g => (IReadOnlyList<string>)[g.First().Township, g.First().Village, string.Join("；", g.Select(r => r.Round).Distinct())]).ToList();
                return new DetailTable($"巡察村社（{title}）", ["乡镇街道", "村社", "巡察轮次"], villages.Take(MaxDetailRows).ToList(), villages.Count);
            }

            case "visits":
            {
                var query = c.Visits();
                var rows = await (from f in query
                                  join v in db.Regions on f.VillageCode equals v.Code
                                  orderby f.Date descending, f.VillageCode
                                  select new { f.Date, f.Kind, Village = v.Name, Township = v.Parent!.Name, f.PersonCategory }).Take(MaxDetailRows).ToListAsync(ct);
                return new DetailTable($"走访谈话（{title}）", ["日期", "方式", "乡镇街道", "村社", "人员类别"],
                    rows.Select(r => (IReadOnlyList<string>)[r.Date.ToString("yyyy-MM-dd"), FieldworkTexts.KindName(r.Kind), r.Township, r.Village, r.PersonCategory]).ToList(),
                    await query.CountAsync(ct));
            }

            case "suggestions":
            {
                var query = c.Suggestions();
                var rows = await (from s in query
                                  join g in db.GuidanceGroups on s.GroupId equals g.Id
                                  join v in db.Regions on s.VillageCode equals v.Code
                                  orderby s.RaisedOn descending, s.VillageCode
                                  select new { s.RaisedOn, Group = g.Name, Village = v.Name, s.Text, s.Status }).Take(MaxDetailRows).ToListAsync(ct);
                return new DetailTable($"意见建议（{title}）", ["提出日期", "指导组", "村社", "意见建议", "状态"],
                    rows.Select(r => (IReadOnlyList<string>)[r.RaisedOn.ToString("yyyy-MM-dd"), r.Group, r.Village, r.Text, FieldworkTexts.StatusName(r.Status)]).ToList(),
                    await query.CountAsync(ct));
            }

            default:
            {
                // A clue shows only as transferred: its content stays on its own protected page.
                var query = from cl in db.ClueTransfers.AsNoTracking()
                            join f in c.Findings() on cl.FindingId equals f.Id
                            select new { cl.TransferredOn, cl.ToUnit, cl.Status, f.Title, f.VillageCode };
                var rows = await (from x in query
                                  join v in db.Regions on x.VillageCode equals v.Code
                                  orderby x.TransferredOn descending
                                  select new { x.TransferredOn, x.ToUnit, x.Status, x.Title, Village = v.Name }).Take(MaxDetailRows).ToListAsync(ct);
                return new DetailTable($"移交问题线索（{title}）", ["移交日期", "村社", "问题", "移交单位", "状态"],
                    rows.Select(r => (IReadOnlyList<string>)[r.TransferredOn.ToString("yyyy-MM-dd"), r.Village, r.Title, r.ToUnit, FindingTexts.ClueStatusName(r.Status)]).ToList(),
                    await query.CountAsync(ct));
            }
        }
    }
}
