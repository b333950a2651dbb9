using MiniExcelLibs;
using Xuncha.Screening.Output;

namespace Xuncha.Core.Features.Feedback;

/// <summary>反馈记录, 反馈进度 and 共性问题 as Excel.</summary>
public static class FeedbackExport
{
    public static void Records(Stream stream, IReadOnlyList<FeedbackRow> records, FeedbackProgress progress)
    {
        var rows = records.Select((f, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["反馈层级"] = f.LevelName,
            ["反馈方"] = f.Giver,
            ["接收方"] = LeadsWriter.Safe(f.RegionName + f.Receiver),
            ["日期"] = f.Date.ToString("yyyy-MM-dd"),
            ["地点"] = LeadsWriter.Safe(f.Place),
            ["反馈人"] = LeadsWriter.Safe(f.GivenBy),
            ["参加人员"] = LeadsWriter.Safe(f.Attendees),
            ["移交材料"] = LeadsWriter.Safe(string.Join("、", f.DocumentsHandedOver)),
            ["备注"] = LeadsWriter.Safe(f.Notes),
        }).ToList();
        var villages = progress.Villages.Select((v, i) =>
        {
            var row = new Dictionary<string, object?> { ["序号"] = i + 1, ["乡镇街道"] = v.TownshipName, ["村社"] = LeadsWriter.Safe(v.VillageName) };
            for (var l = 0; l < progress.LevelNames.Count; l++)
            {
                row[progress.LevelNames[l]] = v.Levels[l]?.ToString("yyyy-MM-dd") ?? "未反馈";
            }

            row["四级反馈"] = v.Complete ? "已完成" : "未完成";
            return row;
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["反馈记录"] = rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["序号"] = null }],
            ["反馈进度"] = villages.Count > 0 ? villages : [new Dictionary<string, object?> { ["序号"] = null }],
        };
        stream.SaveAs(sheets);
    }

    public static void Problems(Stream stream, CommonProblems problems)
    {
        var categories = problems.Categories.Select((c, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["一级分类"] = c.CategoryL1,
            ["二级分类"] = c.CategoryL2 ?? "",
            ["问题数"] = c.Findings,
            ["涉及村社数"] = c.VillageCount,
            ["占巡察村社比例"] = problems.VillagesInspected == 0 ? "" : $"{100m * c.VillageCount / problems.VillagesInspected:0.0}%",
            ["涉及金额（元）"] = c.Amount,
            ["挽回经济损失（元）"] = c.Recovered,
            ["面上共性问题"] = c.IsCommon ? "是" : "否",
            ["主管部门"] = c.Department,
            ["涉及村社"] = LeadsWriter.Safe(string.Join("、", c.Villages)),
        }).ToList();
        var counties = problems.CountyLetters.SelectMany(l => l.Categories.Select(c => new Dictionary<string, object?>
        {
            ["县（市、区）"] = l.CountyName,
            ["巡察村社数"] = l.VillagesInspected,
            ["问题分类"] = c.Label,
            ["问题数"] = c.Findings,
            ["涉及村社数"] = c.VillageCount,
            ["涉及村社"] = LeadsWriter.Safe(string.Join("、", c.Villages)),
        })).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["问题分类汇总"] = categories.Count > 0 ? categories : [new Dictionary<string, object?> { ["序号"] = null }],
            ["各县突出问题"] = counties.Count > 0 ? counties : [new Dictionary<string, object?> { ["县（市、区）"] = null }],
        };
        stream.SaveAs(sheets);
    }
}
