using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Xuncha.Core;
using Xuncha.Core.Persistence;
using Xuncha.Web.Auth;
using Xuncha.Web.Components;
using Xuncha.Web.Endpoints;

namespace Xuncha.Web.Hosting;

public static class XunchaWebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Builds the web host. The CLI's <c>serve</c> and the tests use the same method.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The CLI hosts this assembly; its static assets manifest is named after it.
            ApplicationName = typeof(XunchaWebApp).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Static web assets (AntDesign's css/js) come from the build output in every environment.
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = DatabaseSettings.From(builder.Configuration);
        services.AddXunchaDatabase(settings);
        services.AddXunchaCore();
        services.Configure<Xuncha.Core.Features.Teams.TeamSettings>(builder.Configuration.GetSection(Xuncha.Core.Features.Teams.TeamSettings.Section));
        services.AddXunchaAuth();
        services.AddAuditActor();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<EarlyWarningService>();
        services.AddHostedService<OverdueService>();

        Directory.CreateDirectory(settings.DataDir);
        services.AddDataProtection()
            .SetApplicationName("Xuncha")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDir, "keys")));

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "巡察 Xuncha API";
            doc.Info.Description = "对村（社区）巡察平台的 REST 接口。登录 Cookie 或 Authorization: Bearer 令牌。";
            return Task.CompletedTask;
        }));
        services.AddHttpContextAccessor();
        services.AddSingleton<Xuncha.Web.Screening.PackageStore>();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = ScreeningEndpoints.MaxUploadBytes);
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddAntDesign();
        services.AddScoped<Xuncha.Web.Components.Shared.CurrentUser>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        RateLimits.AddXunchaRateLimits(services, builder.Configuration);
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.DefaultThreadCurrentCulture = zh;
        CultureInfo.DefaultThreadCurrentUICulture = zh;
        AntDesign.LocaleProvider.SetLocale("zh-CN");

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"),
            web => web.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        RateLimits.UseXunchaRateLimits(app);
        app.UseAuthentication();
        app.UseAuditActor();
        app.UseSameOriginApi();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<ExportAuditFilter>();
        api.MapMeEndpoints();
        api.MapRegionEndpoints();
        api.MapUserEndpoints();
        api.MapTokenEndpoints();
        api.MapScreeningEndpoints();
        api.MapPlanningEndpoints();
        api.MapChecklistEndpoints();
        api.MapTeamEndpoints();
        api.MapFeedbackEndpoints();
        api.MapStatisticsEndpoints();
        api.MapPeopleEndpoints();
        api.MapFieldworkEndpoints();
        api.MapReportEndpoints();
        api.MapFindingEndpoints();
        api.MapRectificationEndpoints();
        api.MapNotificationEndpoints();
        api.MapDocumentEndpoints();
        api.MapAuditEndpoints();
        app.MapAccountEndpoints();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
