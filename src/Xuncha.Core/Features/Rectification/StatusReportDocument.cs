using Xuncha.Documents;

namespace Xuncha.Core.Features.Rectification;

/// <summary>
/// 整改情况报告 as an official document in the structure real ones use: an opening with the totals,
/// then "（一）在……方面" per problem category and "1.关于……问题的整改" per finding with its measures,
/// what was done and the results.
/// </summary>
public static class StatusReportDocument
{
    public static OfficialDocument Build(RectificationStatusReport report, string issuer, DateOnly date)
    {
        var t = report.Totals;
        var blocks = new List<DocumentBlock>
        {
            new TextBlock($"按照巡察反馈意见，{report.RegionName}对巡察反馈的{t.Findings}个问题逐项制定整改措施、明确责任单位和完成时限，共形成整改任务{t.Tasks}项。"
                + $"截至目前，已完成整改{t.Done}个，正在整改{t.InProgress}个，完成率{t.CompletionRate:0.0}%。现将整改情况报告如下。"),
            new HeadingBlock(1, "一、整改工作总体情况"),
            new TextBlock(Results(t, "通过整改")),
            new HeadingBlock(1, "二、反馈问题整改落实情况"),
        };
        foreach (var section in report.Sections)
        {
            var f = section.Figures;
            blocks.Add(new HeadingBlock(2, $"{section.Ordinal}{section.Heading}"));
            blocks.Add(new TextBlock($"反馈问题{f.Findings}个，已完成{f.Done}个，整改中{f.InProgress}个，完成率{f.CompletionRate:0.0}%。"));
            foreach (var item in section.Items)
            {
                blocks.Add(new HeadingBlock(3, $"{item.Ordinal}{item.Heading}"));
                var measures = item.Measures.Length > 0 ? $"整改措施：{item.Measures.Replace("\n", "", StringComparison.Ordinal)}" : "整改措施正在制定中。";
                blocks.Add(new TextBlock($"（{item.TownshipName}{item.VillageName}）{measures}整改进展：{item.Status}。{Results(item.Figures, null)}".TrimEnd()));
            }
        }

        blocks.Add(new HeadingBlock(1, "三、下一步工作打算"));
        blocks.Add(new TextBlock("对尚未完成整改的问题，继续实行清单化管理、销号式推进，定期督办，确保按期整改到位；对已完成整改的问题，适时开展“回头看”，巩固整改成效，防止问题反弹。"));
        return new OfficialDocument($"关于{report.RegionName}巡察整改情况的报告")
        {
            Blocks = blocks,
            Signature = new DocumentSignature(issuer, date),
        };
    }

    /// <summary>处分 / 组织处理 / 诫勉 / 移交 / 建章立制 / 追缴金额, only those that happened.</summary>
    private static string Results(StatusFigures f, string? lead)
    {
        var parts = new List<string>();
        if (f.Punished > 0) parts.Add($"给予党纪政务处分{f.Punished}人");
        if (f.Organisational > 0) parts.Add($"组织处理{f.Organisational}人");
        if (f.Admonished > 0) parts.Add($"诫勉{f.Admonished}人");
        if (f.CluesTransferred > 0) parts.Add($"移交问题线索{f.CluesTransferred}件");
        if (f.InstitutionsBuilt > 0) parts.Add($"建立完善制度{f.InstitutionsBuilt}项");
        if (f.Recovered > 0) parts.Add($"追缴（挽回）资金{f.Recovered:N2}元");
        return parts.Count == 0
            ? (lead is null ? "" : "各项整改措施正在推进中。")
            : (lead is null ? "" : lead + "，") + string.Join("，", parts) + "。";
    }
}
