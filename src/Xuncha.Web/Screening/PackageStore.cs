using Xuncha.Core.Common;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Web.Screening;

/// <summary>
/// Keeps uploaded packages under the data directory (packages/&lt;id&gt;/), so the early-warning
/// service can screen them again. Only .csv and .xlsx files are accepted, each at most
/// <c>Xuncha:Screening:MaxFileBytes</c> (default 1 GB); the copy stops as soon as one is larger.
/// </summary>
public sealed class PackageStore(DatabaseSettings settings, IConfiguration config)
{
    public const long DefaultMaxFileBytes = 1L << 30;

    public long MaxFileBytes { get; } = config.GetValue("Xuncha:Screening:MaxFileBytes", DefaultMaxFileBytes);

    public string Root => Path.Combine(settings.DataDir, "packages");

    public async Task<(string Folder, string Source)> SaveAsync(IReadOnlyList<(string Name, Func<Stream> Open)> files, CancellationToken ct)
    {
        var names = files.Select(f => Path.GetFileName(f.Name)).ToList();
        var bad = names.Where(n => !n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).ToList();
        if (bad.Count > 0)
        {
            throw new ValidationException("files", $"只能上传 .csv 或 .xlsx 文件：{string.Join("、", bad)}");
        }

        var xlsx = names.Count(n => n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase));
        if (xlsx > 1 || (xlsx == 1 && names.Count > 1))
        {
            throw new ValidationException("files", "数据包应为多个 CSV 文件，或一个 .xlsx 文件（每张表一个工作表），不能混合。");
        }

        var folder = Path.Combine(Root, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..36]);
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var (name, open) in files)
            {
                await CopyAsync(name, open, Path.Combine(folder, Path.GetFileName(name)), ct);
            }
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        var path = xlsx == 1 ? Path.Combine(folder, names[0]) : folder;
        return (path, string.Join("、", names));
    }

    private async Task CopyAsync(string name, Func<Stream> open, string target, CancellationToken ct)
    {
        await using var input = open();
        await using var output = File.Create(target);
        await HashingCopy.CopyLimitedAsync(input, output, MaxFileBytes,
            () => new ValidationException("files", $"文件「{Path.GetFileName(name)}」超过 {SizeText(MaxFileBytes)}，请拆分后再上传。"), ct);
    }

    private static string SizeText(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes / (1L << 30)} GB" : bytes >= 1L << 20 ? $"{bytes / (1L << 20)} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
