using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Domain.Users;

namespace Xuncha.Web.Endpoints;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post from the layout (with its antiforgery token), so sign-out cannot be forged by a link.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<XunchaUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .ExcludeFromDescription();
    }
}
