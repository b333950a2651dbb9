using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Reports;

/// <summary>A host that keeps every log line, and helpers to post the public form from a given IP.</summary>
public sealed class ReportsSqliteFixture : IAsyncLifetime
{
    public XunchaAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new XunchaAppFactory(TestDatabase.Sqlite()) { CaptureLogs = true };
        await App.InitializeAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ReportsPostgresFixture : IAsyncLifetime
{
    public XunchaAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new XunchaAppFactory(await TestDatabase.PostgresAsync()) { CaptureLogs = true };
        await App.InitializeAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public static partial class ReportsWorld
{
    private static int nextIp;

    /// <summary>A signed-out browser with its own IP address (the rate limit is per IP) and a cookie jar (antiforgery).</summary>
    public static HttpClient Resident(XunchaAppFactory app)
    {
        var ip = IPAddress.Parse($"10.9.{Interlocked.Increment(ref nextIp) / 250}.{nextIp % 250 + 1}");
        var handler = new CookieContainerHandler { InnerHandler = app.Server.CreateHandler(ctx => ctx.Connection.RemoteIpAddress = ip) };
        return new HttpClient(handler) { BaseAddress = app.ClientOptions.BaseAddress };
    }

    public static async Task<string> ChannelTokenAsync(XunchaAppFactory app)
    {
        await using var db = await app.DbAsync();
        return await db.ReportChannels.OrderBy(c => c.VillageCode).Select(c => c.Token).FirstAsync();
    }

    /// <summary>Opens the page for its antiforgery token and posts the form as a phone would.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string token, string category, string content,
        string? name = null, string? phone = null, string? honeypot = null)
    {
        var page = await client.GetStringAsync($"/r/{token}");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpExtensions.AntiforgeryToken(page),
            ["_handler"] = "public-report",
            ["Input.Category"] = category,
            ["Input.Content"] = content,
            ["Input.Website"] = honeypot ?? "",
        };
        if (name is null)
        {
            form["Input.Anonymous"] = "True";
        }
        else
        {
            form["Input.Name"] = name;
            form["Input.Phone"] = phone ?? "";
        }

        return await client.PostAsync($"/r/{token}", new FormUrlEncodedContent(form));
    }

    public static string? Receipt(string html) => ReceiptPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Every cell of every sheet of a workbook, as text.</summary>
    public static async Task<string> WorkbookTextAsync(HttpResponseMessage response)
    {
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var cells = new List<string>();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, sheetName: sheet))
            {
                cells.AddRange(row.Values.Select(v => v?.ToString() ?? ""));
            }
        }

        return string.Join("|", cells);
    }

    [GeneratedRegex("data-testid=\"receipt\">([0-9]{8}-[0-9A-Z]{6})<")]
    private static partial Regex ReceiptPattern();
}
