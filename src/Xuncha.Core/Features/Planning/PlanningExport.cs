using MiniExcelLibs;
using Xuncha.Screening.Output;

namespace Xuncha.Core.Features.Planning;

/// <summary>Plans and a round's targets as Excel, in Chinese; free-text cells are neutralised against formulas.</summary>
public static class PlanningExport
{
    public static void Plans(Stream stream, IReadOnlyList<PlanRow> plans)
    {
        var rows = plans.Select(p => new Dictionary<string, object?>
        {
            ["年度"] = p.Year,
            ["地区"] = p.RegionName,
            ["计划名称"] = LeadsWriter.Safe(p.Title),
            ["计划巡察村社数"] = p.TargetVillages,
            ["已列入轮次村社数"] = p.RoundTargets,
            ["轮次数"] = p.Rounds,
            ["重点"] = LeadsWriter.Safe(string.Join("、", p.FocusAreas)),
            ["状态"] = p.StatusName,
        }).ToList();
        stream.SaveAs(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["年度"] = null }], sheetName: "年度计划");
    }

    public static void Targets(Stream stream, RoundDetail round)
    {
        var rows = round.Targets.Select((t, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["县市区"] = t.CountyName,
            ["乡镇街道"] = t.TownshipName,
            ["村社"] = LeadsWriter.Safe(t.VillageName),
            ["村社代码"] = t.VillageCode,
            ["风险排名"] = t.RiskRank,
            ["风险分"] = t.RiskScore,
            ["选取理由"] = LeadsWriter.Safe(t.OverrideReason ?? "按风险排序"),
            ["巡察组"] = t.TeamName ?? "未分组",
        }).ToList();
        stream.SaveAs(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["序号"] = null }], sheetName: "巡察对象");
    }
}
