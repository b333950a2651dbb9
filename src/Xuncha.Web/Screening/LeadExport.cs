using MiniExcelLibs;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Screening;
using Xuncha.Screening.Output;

namespace Xuncha.Web.Screening;

/// <summary>The 疑似问题 list as Excel, in Chinese; cells that would run as formulas are neutralised.</summary>
public static class LeadExport
{
    public static byte[] Xlsx(IReadOnlyList<LeadRow> rows)
    {
        var data = rows.Select(l => new Dictionary<string, object?>
        {
            ["规则编号"] = l.RuleCode,
            ["规则名称"] = l.RuleName,
            ["严重程度"] = l.Severity,
            ["县市区"] = l.CountyName,
            ["乡镇街道"] = l.TownshipName,
            ["村社"] = l.VillageName,
            ["村社代码"] = l.VillageCode,
            ["证据"] = LeadsWriter.Safe(l.Ref),
            ["涉及金额（元）"] = l.Amount,
            ["说明"] = LeadsWriter.Safe(l.Explanation),
            ["状态"] = StatusName(l.Status),
            ["首次发现"] = l.FirstSeenAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data.Count > 0 ? data : [new Dictionary<string, object?> { ["规则编号"] = null }], sheetName: "疑似问题");
        return stream.ToArray();
    }

    public static string StatusName(LeadStatus s) => s switch
    {
        LeadStatus.Confirmed => "已确认",
        LeadStatus.Dismissed => "已排除",
        _ => "待研判",
    };
}
