using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.People;

/// <summary>Display names of a few region codes with their ancestors ("义乌市 / 佛堂镇 / 大成社区居委会"), in one query.</summary>
internal sealed class RegionPaths
{
    private readonly Dictionary<string, string> names;

    private RegionPaths(Dictionary<string, string> names) => this.names = names;

    public static async Task<RegionPaths> LoadAsync(XunchaDbContext db, IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.OfType<string>()
            .SelectMany(c => new[] { 4, 6, 9, 12 }.Where(n => c.Length >= n).Select(n => c[..n]))
            .Distinct()
            .ToList();
        var names = wanted.Count == 0
            ? new Dictionary<string, string>()
            : await db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new RegionPaths(names);
    }

    public string Name(string code) => names.GetValueOrDefault(code, code);

    /// <summary>The city alone for the city; otherwise the names from the county down.</summary>
    public string Path(string code)
    {
        if (code.Length <= 4)
        {
            return Name(code);
        }

        var parts = new[] { 6, 9, 12 }.Where(n => code.Length >= n && names.ContainsKey(code[..n])).Select(n => names[code[..n]]).ToList();
        return parts.Count == 0 ? code : string.Join(" / ", parts);
    }
}
