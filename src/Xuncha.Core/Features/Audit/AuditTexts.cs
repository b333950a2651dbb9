namespace Xuncha.Core.Features.Audit;

public static class AuditTexts
{
    public const string ViewAction = "查看审计日志";
    public const string BadDates = "开始日期不能晚于结束日期。";
    public const string Empty = "审计日志为空，无需校验。";

    public static string Verified(long count) => $"审计日志校验通过：已校验 {count} 条，哈希链完整（OK）。";

    public static string Broken(long id, string reason) => $"审计日志校验失败：第 {id} 条异常，{reason}";

    public static string Missing(long expected, long found) =>
        $"编号 {expected} 的条目缺失（下一条编号为 {found}），条目可能被删除或插入。";

    public static string PrevMismatch => "其“前一条哈希”与上一条的哈希不符，前面的条目可能被删除、插入或改动。";

    public static string HashMismatch => "内容与记录的哈希不符，该条目被改动。";
}
