using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Xuncha.Core.Features.Audit;

namespace Xuncha.Web.Auth;

/// <summary>
/// Makes the signed-in user the audit actor: for each HTTP request (cookie or Bearer) and for each
/// inbound event of a Blazor circuit (clicks, form submits), which run outside any request.
/// </summary>
internal static class AuditSetup
{
    public static IServiceCollection AddAuditActor(this IServiceCollection services)
    {
        services.AddScoped<CircuitHandler, AuditCircuitHandler>();
        return services;
    }

    /// <summary>After authentication: every save in this request is attributed to its user.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        using (AuditActor.Use(UserOf(http.User)))
        {
            await next(http);
        }
    });

    public static AuditUser? UserOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? new AuditUser(id, principal.FindFirstValue(ClaimTypes.Name)) : null;

    private sealed class AuditCircuitHandler(AuthenticationStateProvider auth) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                var state = await auth.GetAuthenticationStateAsync();
                using (AuditActor.Use(UserOf(state.User)))
                {
                    await next(context);
                }
            };
    }
}

/// <summary>One audit entry for every file an /api endpoint hands out: what and with which filters.</summary>
internal sealed class ExportAuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is IFileHttpResult file)
        {
            var http = context.HttpContext;
            var trail = http.RequestServices.GetRequiredService<AuditTrail>();
            var detail = $"{http.Request.Path}{http.Request.QueryString}";
            await trail.RecordAsync(AuditActions.Export, AuditSetup.UserOf(http.User), "file", file.FileDownloadName ?? file.ContentType ?? "",
                Uri.UnescapeDataString(detail), http.RequestAborted);
        }

        return result;
    }
}
