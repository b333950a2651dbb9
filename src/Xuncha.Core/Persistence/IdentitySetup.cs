using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Users;

namespace Xuncha.Core.Persistence;

public static class IdentitySetup
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void ConfigureOptions(IdentityOptions o)
    {
        o.Password.RequiredLength = 8;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
    }

    /// <summary>User and role management without the web (used by the CLI and by the web host).</summary>
    public static IdentityBuilder AddXunchaIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<XunchaUser>(ConfigureOptions)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<XunchaDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>();
}
