using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;

namespace Xuncha.Core.Security;

/// <summary>
/// Who is asking and which part of the region tree they may see. Every handler takes one and
/// filters by it; the UI hiding a menu is never the check.
/// </summary>
public sealed record UserScope(
    string UserId,
    string UserName,
    string DisplayName,
    IReadOnlySet<string> Roles,
    string ScopeCode,
    string ScopeName)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>
    /// Set for a team member only: the villages of its own rounds (workflow.md, roles). Null means
    /// every village under <see cref="ScopeCode"/>.
    /// </summary>
    public IReadOnlySet<string>? Villages { get; init; }

    /// <summary>Set for a team member only: the rounds its teams work in.</summary>
    public IReadOnlySet<Guid>? Rounds { get; init; }

    /// <summary>
    /// Everything that decides what this user may see: users with the same key see the same rows,
    /// so read caches may share figures between them. A team member's own rounds are its own.
    /// </summary>
    public string VisibilityKey => $"{ScopeCode}|{string.Join(',', Roles.Order(StringComparer.Ordinal))}|{(Villages is null && Rounds is null ? "" : UserId)}";

    /// <summary>Team members without an office role are limited to their own rounds.</summary>
    public static bool SeesOnlyOwnRounds(IReadOnlySet<string> roles) =>
        roles.Contains(Domain.Users.Roles.TeamMember)
        && !roles.Overlaps([Domain.Users.Roles.Admin, Domain.Users.Roles.CityOffice, Domain.Users.Roles.CountyOffice]);

    public bool Covers(string regionCode) =>
        RegionCode.IsWithin(regionCode, ScopeCode)
        && (Villages is null || regionCode.Length < RegionCode.LengthOf(RegionLevel.Village) || Villages.Contains(regionCode));

    public void EnsureCovers(string regionCode, string regionName)
    {
        if (!Covers(regionCode))
        {
            throw new ForbiddenException($"无权查看「{regionName}」：该地区不在您的数据范围（{ScopeName}）内。");
        }
    }

    public void EnsureRole(IEnumerable<string> allowed, string action)
    {
        if (!IsInAnyRole(allowed))
        {
            throw new ForbiddenException($"您的角色（{RoleNames}）无权{action}。");
        }
    }

    public string RoleNames => string.Join("、", Roles.Select(Domain.Users.Roles.NameOf));
}
