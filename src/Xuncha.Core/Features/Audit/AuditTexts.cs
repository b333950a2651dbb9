namespace Xuncha.Core.Features.Audit;

public static class AuditTexts
{
    public const string ViewAction = "查看审计日志";
    public const string BadDates = "开始日期不能晚于结束日期。";
    public const string Empty = "审计日志为空，无需校验。";

    public static string Verified(long count, AuditAnchor? anchor = null) =>
        $"审计日志校验通过：已校验 {count} 条，哈希链完整（OK）。" + (anchor is null ? "" : $"已保存的锚点第 {anchor.Id} 条仍在，哈希相符。");

    public const string BadAnchor = "锚点应写作“编号:哈希”，如 1024:9f3a…（取自上一次校验的输出）。";

    public const string AnchorMismatch = "其哈希与已保存的锚点不符，该条目或它之前的条目被改写。";

    public static string Truncated(long anchorId, long lastId) =>
        $"审计日志校验失败：已保存的锚点第 {anchorId} 条不存在（现有最新一条为第 {lastId} 条），日志末尾的条目被删除。";

    public const string AnchorHint = "请将以下锚点另行保存（如打印归档）；下次校验时填入“已保存的锚点”（命令行用 --anchor），可发现日志末尾被删除的条目：";

    public static string Broken(long id, string reason) => $"审计日志校验失败：第 {id} 条异常，{reason}";

    public static string Missing(long expected, long found) =>
        $"编号 {expected} 的条目缺失（下一条编号为 {found}），条目可能被删除或插入。";

    public static string PrevMismatch => "其“前一条哈希”与上一条的哈希不符，前面的条目可能被删除、插入或改动。";

    public static string HashMismatch => "内容与记录的哈希不符，该条目被改动。";
}
