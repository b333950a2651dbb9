using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Screening;
using Xuncha.IntegrationTests.Cli;
using Xuncha.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Xuncha.IntegrationTests.Faults;

/// <summary>
/// Issue 7, faults: the server is killed with SIGKILL at ten points spread over a data-package
/// import (screening, leads, rosters, profiles, notices). After each kill the database holds either
/// the whole previous state or the whole new import, never part of one, and the import can be redone.
/// </summary>
public abstract class KillDuringImportTestsBase(ITestOutputHelper output) : IAsyncLifetime
{
    public const string Password = "Passw0rdX";
    private TestDatabase db = null!;
    private Dictionary<string, string?> env = null!;
    private string package = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        db = await CreateDatabaseAsync();
        env = db.Settings().ToDictionary(kv => kv.Key, kv => kv.Value);
        // A server killed mid-screening leaves its DuckDB scratch folder: here, deleted with the database's folder.
        env["TMPDIR"] = Directory.CreateDirectory(Path.Combine(db.DataDir, "tmp")).FullName;
        package = Path.Combine(db.DataDir, "package");
        await PrepareAsync(env, package);
    }

    public Task DisposeAsync() => db.DisposeAsync().AsTask();

    /// <summary>A migrated database with an administrator, and a 100-village package from the generator.</summary>
    internal static async Task PrepareAsync(IReadOnlyDictionary<string, string?> env, string package)
    {
        var migrate = await CliRunner.RunAsync(env, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Err);
        var user = await CliRunner.RunAsync(env, "user", "add", "--name", "fault.admin", "--display-name", "故障测试", "--role", "系统管理员", "--scope", "3307", "--password", Password);
        Assert.True(user.ExitCode == 0, user.Err);
        var generate = await CliRunner.RunAsync("generate", "--out", package, "--villages", "100");
        Assert.True(generate.ExitCode == 0, generate.Err);
    }

    [Fact]
    public async Task KilledAnywhereInAnImport_KeepsAllOrNothing_AndTheImportCanBeRedone()
    {
        // Two clean imports first: the counts are what must survive the kills, and the second
        // (a re-import, as every killed one is) times them from start-up to the response.
        var (first, _) = await ImportAsync();
        var (_, took) = await ImportAsync();
        var reference = await SnapshotAsync();
        Assert.Equal(2, reference.Batches);
        Assert.True(reference.Leads > 0 && reference.Cadres > 0 && reference.Petitions > 0, reference.ToString());
        output.WriteLine($"clean import {took.TotalMilliseconds:0} ms: {reference}");

        var completedDuringKills = 0;
        for (var i = 0; i < ServerProcess.Kills; i++)
        {
            await using var server = await ServerProcess.StartAsync(env);
            await server.SignInAsync("fault.admin", Password);
            var delay = TimeSpan.FromMilliseconds(took.TotalMilliseconds * (0.3 + 0.8 * i / Math.Max(1, ServerProcess.Kills - 1)));
            var import = server.Client.PostAsJsonAsync("/api/screening/runs/folder", new { path = package, scopeCode = "3307" });
            await Task.Delay(delay);
            var finished = import.IsCompleted;
            await server.KillAsync();
            try
            {
                await import;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                // Cut off: a kill while connecting may even surface as a bare SocketException.
            }

            var after = await SnapshotAsync();
            output.WriteLine($"kill {i + 1} after {delay.TotalMilliseconds:0} ms (response {(finished ? "sent" : "not sent")}): {after}");

            // The earlier import is whole; a killed one added a whole batch or nothing.
            Assert.Equal(reference.Leads, after.Leads);
            Assert.Equal(reference.Cadres, after.Cadres);
            Assert.Equal(reference.Petitions, after.Petitions);
            Assert.Equal(reference.Profiles, after.Profiles);
            Assert.True(after.Batches == reference.Batches + completedDuringKills || after.Batches == reference.Batches + completedDuringKills + 1, after.ToString());
            Assert.Equal(0, after.Unfinished);
            completedDuringKills = after.Batches - reference.Batches;
        }

        // Redone after the kills: a whole new batch that finds every lead again and none new.
        var (redo, _) = await ImportAsync();
        Assert.Equal(first.GetProperty("leads").GetInt32(), redo.GetProperty("leads").GetInt32());
        Assert.Equal(0, redo.GetProperty("newLeads").GetInt32());
        var end = await SnapshotAsync();
        Assert.Equal(reference.Leads, end.Leads);
        Assert.Equal(reference.Cadres, end.Cadres);
        output.WriteLine($"{ServerProcess.Kills} kills, {completedDuringKills} of them after the commit; redo: {end}");
    }

    /// <summary>A whole import on a freshly started server, and how long its request took.</summary>
    private async Task<(System.Text.Json.JsonElement Body, TimeSpan Took)> ImportAsync()
    {
        await using var server = await ServerProcess.StartAsync(env);
        await server.SignInAsync("fault.admin", Password);
        var watch = Stopwatch.StartNew();
        var response = await server.Client.PostAsJsonAsync("/api/screening/runs/folder", new { path = package, scopeCode = "3307" });
        var took = watch.Elapsed;
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body, took);
    }

    private sealed record Snapshot(int Batches, int Unfinished, int Leads, int Cadres, int Petitions, int Profiles);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var context = ServerProcess.Db(env);
        return new Snapshot(
            await context.ScreeningBatches.CountAsync(b => b.Status == BatchStatus.Completed),
            await context.ScreeningBatches.CountAsync(b => b.Status != BatchStatus.Completed),
            await context.Leads.CountAsync(),
            await context.VillageCadres.CountAsync(),
            await context.Petitions.CountAsync(),
            await context.VillageProfiles.CountAsync());
    }
}

public sealed class KillDuringImportSqliteTests(ITestOutputHelper output) : KillDuringImportTestsBase(output)
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class KillDuringImportPostgresTests(ITestOutputHelper output) : KillDuringImportTestsBase(output)
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
