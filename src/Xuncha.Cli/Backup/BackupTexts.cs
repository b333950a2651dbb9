namespace Xuncha.Cli.Backup;

/// <summary>Messages of `xuncha backup` and `xuncha restore`.</summary>
internal static class BackupTexts
{
    public static string Corrupt(string file, string detail) =>
        $"备份文件 {file} 已损坏或不完整（{detail}），未做任何恢复。";

    public static string NotAnArchive(string file) => $"{file} 不是巡察备份文件（缺少 manifest.json），未做任何恢复。";

    public static string NewerFormat(int version) =>
        $"备份文件格式版本为 {version}，本程序只认识版本 {BackupManifest.CurrentFormat}：请用更新版本的巡察恢复。";

    public static string ChecksumMismatch(string entry) => $"「{entry}」的校验值与清单不符";

    public static string MissingEntry(string entry) => $"缺少清单中列出的「{entry}」";

    public static string ExtraEntry(string entry) => $"含有清单之外的「{entry}」";

    public static string UnsafeEntry(string entry) => $"含有不安全的路径「{entry}」";

    public static string WrongProvider(string archive, string target) =>
        $"该备份来自 {Name(archive)}，而当前配置的数据库是 {Name(target)}：不支持跨数据库类型恢复。" +
        "请把 XUNCHA_DATABASE 设为与备份相同的类型后再恢复。";

    public static string TargetNotEmpty(string describe, int tables, long rows) =>
        $"目标数据库 {describe}已有数据（{tables} 张表，共 {rows} 行）。为防误覆盖已拒绝恢复；" +
        "确认要用备份覆盖时请加 --force，或恢复到一个新的空数据库。";

    public static string RowCountMismatch(string table, long expected, long actual) =>
        $"恢复后表 {table} 有 {actual} 行，清单记录为 {expected} 行";

    public static string ToolMissing(string tool) =>
        $"找不到 {tool}：请安装 PostgreSQL 客户端（如 apt-get install postgresql-client），或把其所在目录加入 PATH。";

    public static string ToolFailed(string tool, int exitCode, string stderr) =>
        $"{tool} 执行失败（退出码 {exitCode}）：{stderr.Trim()}";

    public static string OutExists(string file) => $"输出文件 {file} 已存在：请换一个文件名或先删除它。";

    public static string FromMissing(string file) => $"找不到备份文件 {file}。";

    public const string WithoutKeysWarning =
        "注意：本备份不含密钥目录（--without-keys）。恢复后须提供原来的保护密钥（XUNCHA_PROTECTION_KEY 或原 keys 目录），" +
        "否则信访举报人等受保护信息无法解密，已登录会话也将失效。";

    public static string Name(string provider) => provider == "sqlite" ? "SQLite" : "PostgreSQL";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };
}
