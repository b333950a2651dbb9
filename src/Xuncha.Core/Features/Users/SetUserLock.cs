using Microsoft.AspNetCore.Identity;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Users;

/// <summary>Locks an account indefinitely, or unlocks it (also clearing failed attempts).</summary>
public sealed record SetUserLock(string UserId, bool Locked);

public sealed class SetUserLockHandler(UserManager<XunchaUser> users)
{
    public async Task Handle(SetUserLock cmd, UserScope actor, CancellationToken ct = default)
    {
        actor.EnsureRole(Roles.UserManagers, UserTexts.ManageUsers);
        var user = await users.FindByIdAsync(cmd.UserId) ?? throw new NotFoundException(UserTexts.NotFound(cmd.UserId));
        actor.EnsureCovers(user.ScopeCode, user.DisplayName);
        if (user.Id == actor.UserId && cmd.Locked)
        {
            throw new ValidationException("userId", UserTexts.CannotLockSelf);
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, cmd.Locked ? DateTimeOffset.MaxValue : null);
        if (!cmd.Locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
    }
}
