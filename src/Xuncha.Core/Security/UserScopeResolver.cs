using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Security;

/// <summary>
/// Builds a <see cref="UserScope"/> from the signed-in principal by reading the user's current
/// roles and scope from the database, so a changed scope takes effect on the next request: the
/// answer is kept only until the next save (<see cref="Common.ReadCache"/>), sparing every request
/// three queries.
/// </summary>
public sealed class UserScopeResolver(IDbContextFactory<XunchaDbContext> dbFactory, Common.ReadCache cache)
{
    public async Task<UserScope?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null ? null : await ResolveByIdAsync(userId, ct);
    }

    public async Task<UserScope?> ResolveByIdAsync(string userId, CancellationToken ct = default) =>
        (await cache.GetOrAddAsync("user-scope|" + userId, async () => new Resolved(await LoadAsync(userId, CancellationToken.None)))).Scope;

    private sealed record Resolved(UserScope? Scope);

    private async Task<UserScope?> LoadAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.ScopeCode, u.LockoutEnd })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(ct);
        var scopeName = await db.Regions.Where(r => r.Code == user.ScopeCode).Select(r => r.Name).SingleOrDefaultAsync(ct);
        var scope = new UserScope(user.Id, user.UserName ?? "", user.DisplayName, roles.ToHashSet(), user.ScopeCode, scopeName ?? user.ScopeCode);
        if (!UserScope.SeesOnlyOwnRounds(scope.Roles))
        {
            return scope;
        }

        // A team member sees the villages of its own rounds: those of the teams its pool record
        // (人员库, linked to the account) belongs to.
        var rounds = await (from p in db.People
                            where p.UserId == userId
                            join m in db.TeamMembers on p.Id equals m.PersonId
                            join t in db.Teams on m.TeamId equals t.Id
                            select t.RoundId).Distinct().ToListAsync(ct);
        var villages = await db.RoundTargets.Where(t => rounds.Contains(t.RoundId)).Select(t => t.VillageCode).Distinct().ToListAsync(ct);
        return scope with { Rounds = rounds.ToHashSet(), Villages = villages.Where(v => Domain.Regions.RegionCode.IsWithin(v, user.ScopeCode)).ToHashSet() };
    }
}
