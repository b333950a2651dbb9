using Xuncha.Documents;

namespace Xuncha.Documents.Tests;

internal static class Samples
{
    /// <summary>26 characters: with the two-character indent exactly one 28-character line.</summary>
    public const string OneLine = "村集体经济合同管理不规范存在未经民主决策程序发包情况";

    public static OfficialDocument Report(int bodyParagraphs = 6) => new("关于对佛堂镇蒋宅村党组织巡察情况的报告")
    {
        Subtitle = "（2026年11月28日）",
        Blocks =
        [
            new TextBlock("根据市委统一部署，市委第一巡察组于2026年9月1日至10月15日对佛堂镇蒋宅村党组织开展了巡察。现将巡察情况报告如下。"),
            new HeadingBlock(1, ChineseNumerals.HeadingPrefix(1, 1) + "基本情况"),
            new HeadingBlock(2, ChineseNumerals.HeadingPrefix(2, 1) + "落实党的路线方针政策方面"),
            new HeadingBlock(3, ChineseNumerals.HeadingPrefix(3, 1) + "集体资金管理"),
            new HeadingBlock(4, ChineseNumerals.HeadingPrefix(4, 1) + "合同管理"),
            .. Enumerable.Range(0, bodyParagraphs).Select(_ => new TextBlock(OneLine)),
        ],
        Attachments = ["问题清单", "责任清单"],
        Signature = new DocumentSignature("中共义乌市委第一巡察组", new DateOnly(2026, 11, 28)),
    };

    /// <summary>A document of exactly <paramref name="lines"/> one-line paragraphs after the title and the blank line under it.</summary>
    public static OfficialDocument Lines(int lines) => new("巡察情况报告")
    {
        Blocks = [.. Enumerable.Range(0, lines).Select(i => new TextBlock(OneLine[..^2] + (i + 1).ToString("00")))],
    };

    public static ListDocument Problems(int columns = 7, int rows = 3)
    {
        var all = new ListColumn[]
        {
            new("no", "序号", 0.5), new("category", "问题类别", 1.2), new("description", "问题描述", 4), new("amount", "涉及金额（元）", 1.2),
            new("recovered", "挽回损失（元）", 1.2), new("source", "来源", 1), new("immediate", "立行立改", 0.8),
        };
        return new ListDocument("问题清单", all[..columns],
            [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["no"] = i.ToString(), ["category"] = "集体“三资”管理", ["description"] = $"第{i}项：=SUM(A1) 村集体土地发包未经村民代表会议表决",
                ["amount"] = "12000.00", ["recovered"] = "-5", ["source"] = "走访", ["immediate"] = "是",
            })])
        {
            Subtitle = "佛堂镇蒋宅村 · 2026年第二轮巡察",
            Note = "注：金额单位为元。",
        };
    }
}
