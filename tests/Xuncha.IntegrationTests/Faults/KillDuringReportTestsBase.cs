using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Setup;
using Xuncha.IntegrationTests.Cli;
using Xuncha.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Xuncha.IntegrationTests.Faults;

/// <summary>
/// Issue 7, faults: the server is killed with SIGKILL ten times while it builds a round's
/// inspection report and lists. Nothing in the database changes, and after a restart the same
/// documents come out.
/// </summary>
public abstract class KillDuringReportTestsBase(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase db = null!;
    private Dictionary<string, string?> env = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        db = await CreateDatabaseAsync();
        env = db.Settings().ToDictionary(kv => kv.Key, kv => kv.Value);
        var seed = await CliRunner.RunAsync(env, "seed", "demo");
        Assert.True(seed.ExitCode == 0, seed.Err);
    }

    public Task DisposeAsync() => db.DisposeAsync().AsTask();

    [Fact]
    public async Task KilledWhileBuildingTheReport_ChangesNothing_AndTheReportComesOutTheSameAfterwards()
    {
        Guid round;
        await using (var context = ServerProcess.Db(env))
        {
            round = await context.Rounds.Where(r => r.RegionCode == "330782" && r.Status == RoundStatus.InProgress).Select(r => r.Id).SingleAsync();
        }

        string[] paths = [$"/api/documents/rounds/{round}/report.docx", $"/api/documents/rounds/{round}/lists/problems.xlsx", $"/api/documents/rounds/{round}/lists/problems.docx"];
        // Counted after a first start: its overdue sweep may add notices once.
        var (reference, took) = await ReportAsync(paths[0]);
        var before = await CountsAsync();
        output.WriteLine($"report {took.TotalMilliseconds:0} ms on a fresh server, {reference.Length} characters");

        var inFlight = 0;
        for (var i = 0; i < ServerProcess.Kills; i++)
        {
            await using var server = await ServerProcess.StartAsync(env);
            await server.SignInAsync("city", DemoSeeder.Password);
            var path = paths[i % paths.Length];
            var delay = TimeSpan.FromMilliseconds(took.TotalMilliseconds * i / Math.Max(1, ServerProcess.Kills - 1));
            var request = server.Client.GetAsync(path);
            await Task.Delay(delay);
            inFlight += request.IsCompleted ? 0 : 1;
            await server.KillAsync();
            try
            {
                (await request).Dispose();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                // Cut off: a kill while connecting may even surface as a bare SocketException.
            }

            output.WriteLine($"kill {i + 1}: {path} after {delay.TotalMilliseconds:0} ms ({(request.IsCompletedSuccessfully ? "answered" : "cut off")})");
            Assert.Equal(before, await CountsAsync());
        }

        var (again, _) = await ReportAsync(paths[0]);
        Assert.Equal(reference, again);
        Assert.Equal(before, await CountsAsync());
        output.WriteLine($"{ServerProcess.Kills} kills, {inFlight} while the document was being built");
        Assert.True(inFlight > 0, "no kill landed while a document was being built");
    }

    /// <summary>The report's text from a freshly started server, and how long the request took.</summary>
    private async Task<(string Text, TimeSpan Took)> ReportAsync(string path)
    {
        await using var server = await ServerProcess.StartAsync(env);
        await server.SignInAsync("city", DemoSeeder.Password);
        var watch = Stopwatch.StartNew();
        using var response = await server.Client.GetAsync(path);
        var took = watch.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        return (doc.MainDocumentPart!.Document.Body!.InnerText, took);
    }

    /// <summary>The row count of every table of the model.</summary>
    private async Task<string> CountsAsync()
    {
        await using var context = ServerProcess.Db(env);
        // Sign-ins are audited: the audit trail grows by design and is left out.
        var tables = context.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Where(t => !t.Contains("audit", StringComparison.OrdinalIgnoreCase)).Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new List<string>();
        foreach (var table in tables)
        {
            // Table names come from the model, not from input.
            var sql = "SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"" + table + "\"";
            var count = await context.Database.SqlQueryRaw<int>(sql).SingleAsync();
            counts.Add($"{table}={count}");
        }

        return string.Join(", ", counts);
    }
}

public sealed class KillDuringReportSqliteTests(ITestOutputHelper output) : KillDuringReportTestsBase(output)
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class KillDuringReportPostgresTests(ITestOutputHelper output) : KillDuringReportTestsBase(output)
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
