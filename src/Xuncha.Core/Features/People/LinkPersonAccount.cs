using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>
/// 关联登录账号: ties a pool record to a 巡察组成员 account, so that the account sees the rounds of
/// the teams the person is on (a team member sees only its own rounds). An empty name unlinks.
/// </summary>
public sealed record LinkPersonAccount(Guid PersonId, string? UserName);

public sealed class LinkPersonAccountHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<string?> Handle(LinkPersonAccount cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManagePeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == cmd.PersonId, ct) ?? throw new NotFoundException(PeopleTexts.PersonNotFound(cmd.PersonId));
        await user.EnsurePoolCoveredAsync(db, person.RegionCode, PeopleTexts.PersonWhat, ct);
        var name = cmd.UserName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            person.UserId = null;
            await db.SaveChangesAsync(ct);
            return null;
        }

        var account = await db.Users.Where(u => u.UserName == name).Select(u => new { u.Id, u.ScopeCode }).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("userName", PeopleTexts.AccountNotFound(name));
        var isTeamMember = await db.UserRoles.Where(ur => ur.UserId == account.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).AnyAsync(r => r == Roles.TeamMember, ct);
        if (!isTeamMember)
        {
            throw new ValidationException("userName", PeopleTexts.AccountNotTeamMember(name));
        }

        if (!RegionCode.IsWithin(account.ScopeCode, user.ScopeCode))
        {
            throw new ValidationException("userName", PeopleTexts.AccountOutsideScope(name));
        }

        var other = await db.People.Where(p => p.UserId == account.Id && p.Id != person.Id).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (other is not null)
        {
            throw new ValidationException("userName", PeopleTexts.AccountTaken(name, other));
        }

        person.UserId = account.Id;
        await db.SaveChangesAsync(ct);
        return name;
    }
}
