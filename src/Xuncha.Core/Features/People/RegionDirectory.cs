using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.People;

/// <summary>One node of <see cref="RegionDirectory"/>.</summary>
public sealed record RegionEntry(string Code, string Name, RegionLevel Level, string? ParentCode);

/// <summary>
/// The region tree in memory, for resolving what people type into forms and workbooks: a code
/// (4, 6, 9 or 12 digits), a name ("佛堂镇", "大成社区"), or a path of names ("佛堂镇/大成社区").
/// The tree is public reference data (NBS codes of 金华市); what a user may see is decided by the
/// records' pools, not by this lookup.
/// </summary>
public sealed partial class RegionDirectory
{
    private static readonly string[] CommitteeSuffixes = ["村民委员会", "居民委员会", "村委会", "居委会", "委员会"];
    private static readonly string[] AreaSuffixes = ["街道办事处", "街道", "镇", "乡", "市", "县", "区"];

    private readonly Dictionary<string, RegionEntry> byCode;
    private readonly ILookup<string, RegionEntry> byKey;

    public RegionDirectory(IEnumerable<RegionEntry> regions)
    {
        byCode = regions.ToDictionary(r => r.Code);
        byKey = byCode.Values.ToLookup(r => Key(r.Name, r.Level));
    }

    public static async Task<RegionDirectory> LoadAsync(XunchaDbContext db, CancellationToken ct) =>
        new(await db.Regions.AsNoTracking().Select(r => new RegionEntry(r.Code, r.Name, r.Level, r.ParentCode)).ToListAsync(ct));

    public IEnumerable<RegionEntry> All => byCode.Values;

    public RegionEntry? Find(string? code) => code is not null && byCode.TryGetValue(code, out var r) ? r : null;

    public string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>"义乌市 / 佛堂镇 / 大成社区居委会": the names from the county down (the city only for the city itself).</summary>
    public string PathOf(string code)
    {
        if (Find(code) is not { } r)
        {
            return code;
        }

        if (r.Level == RegionLevel.City)
        {
            return r.Name;
        }

        var names = new List<string>();
        foreach (var len in new[] { 6, 9, 12 })
        {
            if (code.Length >= len && Find(code[..len]) is { } a)
            {
                names.Add(a.Name);
            }
        }

        return string.Join(" / ", names);
    }

    /// <summary>
    /// Resolves a code or a name (path) to one node. <paramref name="accept"/> limits the levels;
    /// <paramref name="near"/> (a county or township code) breaks ties between equal names.
    /// On failure returns null with a reason that reads after the field's name.
    /// </summary>
    public (RegionEntry? Region, string? Error) Resolve(string text, Func<RegionLevel, bool> accept, string? near = null)
    {
        var input = text.Trim();
        var inParens = CodeInParentheses().Match(input);
        if (inParens.Success)
        {
            input = inParens.Groups[1].Value;
        }

        if (input.All(char.IsAsciiDigit))
        {
            var code = RegionCode.Normalize(input);
            return code is not null && Find(code) is { } hit ? (hit, null) : (null, PeopleTexts.UnknownRegion(text.Trim()));
        }

        var parts = input.Split(['/', '／', '\\', '>', '＞', '·'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return (null, PeopleTexts.UnknownRegion(text.Trim()));
        }

        IEnumerable<RegionEntry> candidates = Named(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            var parents = candidates.ToList();
            candidates = Named(part).Where(c => parents.Any(p => c.Code.Length > p.Code.Length && c.Code.StartsWith(p.Code, StringComparison.Ordinal)));
        }

        var found = candidates.Where(c => accept(c.Level)).Distinct().ToList();
        if (found.Count > 1 && near is not null)
        {
            var close = found.Where(c => c.Code.StartsWith(near, StringComparison.Ordinal)).ToList();
            if (close.Count > 0)
            {
                found = close;
            }
        }

        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, PeopleTexts.UnknownRegion(text.Trim())),
            _ => (null, PeopleTexts.Ambiguous(text.Trim(), found.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => PathOf(c.Code)))),
        };
    }

    private IEnumerable<RegionEntry> Named(string name)
    {
        var exact = byCode.Values.Where(r => r.Name == name).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        return Enum.GetValues<RegionLevel>().SelectMany(level => byKey[Key(name, level)].Where(r => r.Level == level));
    }

    /// <summary>A name without its administrative suffix, so "大成社区" finds "大成社区居委会" and "佛堂" finds "佛堂镇".</summary>
    private static string Key(string name, RegionLevel level)
    {
        var key = name.Trim();
        var suffixes = level == RegionLevel.Village ? CommitteeSuffixes : AreaSuffixes;
        foreach (var s in suffixes)
        {
            if (key.Length > s.Length + 1 && key.EndsWith(s, StringComparison.Ordinal))
            {
                key = key[..^s.Length];
                break;
            }
        }

        if (level == RegionLevel.Village && key.Length > 2 && key.EndsWith('村'))
        {
            key = key[..^1];
        }

        return level + ":" + key;
    }

    [GeneratedRegex(@"[（(]\s*(\d{4,12})\s*[）)]\s*$")]
    private static partial Regex CodeInParentheses();
}
