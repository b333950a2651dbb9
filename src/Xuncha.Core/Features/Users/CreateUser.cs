using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Users;

public sealed record CreateUser(
    string? UserName,
    string? DisplayName,
    string? Organization,
    string? Role,
    string? ScopeCode,
    string? Password);

public sealed record CreatedUser(string Id, string UserName);

public sealed partial class CreateUserHandler(
    UserManager<XunchaUser> users,
    IDbContextFactory<XunchaDbContext> dbFactory,
    TimeProvider clock)
{
    /// <summary>Creates a user as <paramref name="actor"/>; null actor means the system (CLI, seeding).</summary>
    public async Task<CreatedUser> Handle(CreateUser cmd, UserScope? actor, CancellationToken ct = default)
    {
        actor?.EnsureRole(Roles.UserManagers, UserTexts.ManageUsers);
        var errors = new ValidationErrors();
        var userName = cmd.UserName?.Trim() ?? "";
        if (userName.Length == 0)
        {
            errors.Add("userName", UserTexts.UserNameRequired);
        }
        else if (!UserNamePattern().IsMatch(userName))
        {
            errors.Add("userName", UserTexts.UserNameFormat);
        }

        var displayName = cmd.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0)
        {
            errors.Add("displayName", UserTexts.DisplayNameRequired);
        }
        else if (displayName.Length > 50)
        {
            errors.Add("displayName", UserTexts.DisplayNameTooLong);
        }

        var organization = cmd.Organization?.Trim() ?? "";
        if (organization.Length > 100)
        {
            errors.Add("organization", UserTexts.OrganizationTooLong);
        }

        string? role = null;
        if (string.IsNullOrWhiteSpace(cmd.Role))
        {
            errors.Add("role", UserTexts.RoleRequired);
        }
        else if ((role = Roles.Parse(cmd.Role)) is null)
        {
            errors.Add("role", UserTexts.UnknownRole(cmd.Role));
        }
        else if (actor is not null && !actor.IsInRole(Roles.Admin) && role is Roles.Admin or Roles.CityOffice)
        {
            errors.Add("role", UserTexts.RoleNotGrantable(Roles.NameOf(role)));
        }

        string? scopeName = null;
        var scope = RegionCode.Normalize(cmd.ScopeCode);
        if (string.IsNullOrWhiteSpace(cmd.ScopeCode))
        {
            errors.Add("scopeCode", UserTexts.ScopeRequired);
        }
        else
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            scopeName = scope is null ? null : await db.Regions.Where(r => r.Code == scope).Select(r => r.Name).SingleOrDefaultAsync(ct);
            if (scopeName is null)
            {
                errors.Add("scopeCode", UserTexts.UnknownScope(cmd.ScopeCode.Trim()));
            }
            else if (actor is not null && !actor.Covers(scope!))
            {
                errors.Add("scopeCode", UserTexts.ScopeOutside(actor.ScopeName));
            }
        }

        if (string.IsNullOrEmpty(cmd.Password))
        {
            errors.Add("password", UserTexts.PasswordRequired);
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, null!, cmd.Password);
                foreach (var e in result.Errors)
                {
                    errors.Add("password", e.Description);
                }
            }
        }

        if (userName.Length > 0 && await users.FindByNameAsync(userName) is not null)
        {
            errors.Add("userName", new ChineseIdentityErrors().DuplicateUserName(userName).Description);
        }

        errors.ThrowIfAny();

        var user = new XunchaUser
        {
            UserName = userName,
            DisplayName = displayName,
            Organization = organization.Length > 0 ? organization : $"{scopeName}{Roles.NameOf(role!)}",
            ScopeCode = scope!,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, cmd.Password!));
        Check(await users.AddToRoleAsync(user, role!));
        return new CreatedUser(user.Id, userName);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["userName"] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._\-]{3,32}$")]
    private static partial Regex UserNamePattern();
}
