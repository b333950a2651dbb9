using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Audit;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post from the layout (with its antiforgery token), so sign-out cannot be forged by a link.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<XunchaUser> signIn, AuditTrail audit, HttpContext http) =>
            {
                if (AuditSetup.UserOf(http.User) is { } user)
                {
                    await audit.RecordAsync(AuditActions.SignOut, user, nameof(XunchaUser), user.UserId, "退出登录");
                }

                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
    }
}
