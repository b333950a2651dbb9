using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Web.Screening;

/// <summary>
/// Keeps uploaded packages under the data directory (packages/&lt;id&gt;/), so the early-warning
/// service can screen them again. Only .csv and .xlsx files of known size are accepted.
/// </summary>
public sealed class PackageStore(DatabaseSettings settings)
{
    public const long MaxFileBytes = 1L << 30;

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
        foreach (var (name, open) in files)
        {
            var target = Path.Combine(folder, Path.GetFileName(name));
            await using var input = open();
            await using var output = File.Create(target);
            await input.CopyToAsync(output, ct);
            if (output.Length > MaxFileBytes)
            {
                throw new ValidationException("files", $"文件「{name}」超过 1 GB。");
            }
        }

        var path = xlsx == 1 ? Path.Combine(folder, names[0]) : folder;
        return (path, string.Join("、", names));
    }
}
