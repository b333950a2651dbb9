using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Users;

public sealed record ListUsers(string? Search = null, string? Role = null, int? Page = null, int? PageSize = null);

public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string Organization,
    IReadOnlyList<string> Roles,
    string ScopeCode,
    string ScopeName,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt)
{
    public string RoleNames => string.Join("、", Roles.Select(Domain.Users.Roles.NameOf));
}

public sealed class ListUsersHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Paged<UserRow>> Handle(ListUsers query, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(Roles.UserManagers, UserTexts.ManageUsers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.ScopeCode;
        var q = db.Users.AsNoTracking().Where(u => u.ScopeCode.StartsWith(scope));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            q = q.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s) || u.Organization.Contains(s));
        }

        if (Roles.Parse(query.Role) is { } role)
        {
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.ScopeCode).ThenBy(u => u.UserName).Skip((page - 1) * size).Take(size)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.Organization, u.ScopeCode, u.LockoutEnd, u.CreatedAt,
                ScopeName = db.Regions.Where(r => r.Code == u.ScopeCode).Select(r => r.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(u => new UserRow(
            u.Id, u.UserName ?? "", u.DisplayName, u.Organization, u.Roles, u.ScopeCode, u.ScopeName ?? u.ScopeCode,
            u.LockoutEnd > now ? u.LockoutEnd : null, u.CreatedAt)).ToList();
        return new Paged<UserRow>(items, total, page, size);
    }
}
