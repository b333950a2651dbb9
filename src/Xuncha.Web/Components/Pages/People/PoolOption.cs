using AntDesign;
using Xuncha.Core.Features.People;
using Xuncha.Core.Security;
using Xuncha.Web.Components.Shared;

namespace Xuncha.Web.Components.Pages.People;

/// <summary>A pool the user may file people or experts under: 金华市（市本级） or a county.</summary>
public sealed record PoolOption(string Code, string Name);

/// <summary>The pickers of the pool pages, loaded once per page.</summary>
public sealed record PoolPickers(IReadOnlyList<PoolOption> Pools, List<CascaderNode> Regions)
{
    /// <summary>The region pickers start at the counties, the user's own first (most places people name are there).</summary>
    public static PoolPickers From(RegionPicker picker, UserScope user)
    {
        var counties = RegionOptions.From(picker.Tree).Single().Children
            .OrderBy(c => user.Covers(c.Value) || c.Value.StartsWith(user.ScopeCode, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToList();
        return new(picker.Pools.Select(p => new PoolOption(p.Code, p.Name)).ToList(), counties);
    }
}
