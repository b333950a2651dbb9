using MiniExcelLibs;
using Xuncha.Screening.Output;

namespace Xuncha.Core.Features.Planning;

/// <summary>The ranked list as Excel (web export and <c>xuncha plan rank</c>), one row per village with its factors.</summary>
public static class RankingExport
{
    public static void Write(Stream stream, Ranking ranking)
    {
        var rows = ranking.Villages.Select(v => new Dictionary<string, object?>
        {
            ["排名"] = v.Rank,
            ["县市区"] = v.CountyName,
            ["乡镇街道"] = v.TownshipName,
            ["村社"] = LeadsWriter.Safe(v.VillageName),
            ["村社代码"] = v.VillageCode,
            ["风险分"] = v.Score,
            ["主要因素"] = LeadsWriter.Safe(string.Join("；", v.Factors.Select(f => $"{f.Name} +{f.Points:0.##}（{f.Detail}）"))),
            ["上次巡察"] = v.LastInspected?.ToString("yyyy-MM-dd") ?? "从未巡察",
            ["本年度已列入轮次"] = string.Join("、", v.RoundsThisYear),
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["风险排序"] = rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["排名"] = null }],
            ["说明"] = new[]
            {
                new Dictionary<string, object?> { ["项目"] = "年度", ["内容"] = ranking.Year },
                new Dictionary<string, object?> { ["项目"] = "数据截至", ["内容"] = ranking.AsOf.ToString("yyyy-MM-dd") },
                new Dictionary<string, object?> { ["项目"] = "村社总数", ["内容"] = ranking.Total },
                new Dictionary<string, object?> { ["项目"] = "本表行数", ["内容"] = ranking.Villages.Count },
            },
        };
        stream.SaveAs(sheets);
    }
}
