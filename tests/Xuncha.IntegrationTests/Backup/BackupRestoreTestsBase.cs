using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security.Protection;
using Xuncha.IntegrationTests.Cli;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Backup;

/// <summary>
/// `xuncha backup` / `xuncha restore` round trips through the real program on SQLite and
/// PostgreSQL: every table equal row for row, evidence byte-equal, protected data readable; damaged
/// archives and occupied targets refused with the target untouched.
/// </summary>
public abstract class BackupRestoreTestsBase(BackupFixture fixture)
{
    [Fact]
    public async Task Backup_WhileServing_ListsTablesRowsFilesAndChecksums()
    {
        Assert.True(fixture.Backup.ExitCode == 0, fixture.Backup.Err);
        Assert.Contains("已备份", fixture.Backup.Out);
        Assert.Contains("张表", fixture.Backup.Out);
        using var zip = ZipFile.OpenRead(fixture.Archive);
        var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!;
        Assert.Equal(fixture.App.Database.Provider, (string?)manifest["provider"]);
        await using (var db = await fixture.App.DbAsync())
        {
            // The newest migration the source database has applied.
            Assert.Equal((await db.Database.GetAppliedMigrationsAsync()).Last(), (string?)manifest["lastMigration"]);
        }

        Assert.True((bool)manifest["withKeys"]!);
        var files = manifest["files"]!.AsArray().Select(f => (string)f!["path"]!).ToList();
        Assert.Contains($"files/{fixture.EvidenceSha[..2]}/{fixture.EvidenceSha}", files);
        Assert.Contains("keys/protection.key", files);
        Assert.Equal(fixture.SourceHashes.Keys, manifest["tables"]!.AsObject().Select(t => t.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Restore_IntoFreshTarget_EqualsSourceRowForRowFilesAndKeys()
    {
        await using var target = await fixture.TargetAsync();
        var r = await CliRunner.RunAsync(target.Settings(), "restore", "--from", fixture.Archive);
        Assert.True(r.ExitCode == 0, r.Err + r.Out);
        Assert.Contains("行数与备份清单一致", r.Out);
        await AssertEqualToSourceAsync(target);
    }

    [Fact]
    public async Task Restore_IntoTargetWithData_RefusedWithoutForce_ReplacedWithForce()
    {
        await using var target = await fixture.TargetAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(target.Settings(), "db", "migrate")).ExitCode);
        Directory.CreateDirectory(Path.Combine(target.DataDir, "keys"));
        await File.WriteAllTextAsync(Path.Combine(target.DataDir, "keys", "protection.key"), Convert.ToBase64String(new byte[32]));
        var before = await TableDump.HashesAsync(target);

        var refused = await CliRunner.RunAsync(target.Settings(), "restore", "--from", fixture.Archive);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("已有数据", refused.Err);
        Assert.Contains("--force", refused.Err);
        Assert.Equal(before, await TableDump.HashesAsync(target));

        var forced = await CliRunner.RunAsync(target.Settings(), "restore", "--from", fixture.Archive, "--force");
        Assert.True(forced.ExitCode == 0, forced.Err + forced.Out);
        Assert.Contains("原有密钥已移到", forced.Out);
        await AssertEqualToSourceAsync(target);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("tampered")]
    public async Task Restore_OfDamagedArchive_Exits1AndLeavesTargetUntouched(string damage)
    {
        using var temp = new TempFolder("damaged");
        var copy = temp.PathOf("archive.xbak");
        var bytes = await File.ReadAllBytesAsync(fixture.Archive);
        if (damage == "truncated")
        {
            bytes = bytes[..(bytes.Length * 2 / 3)];
        }
        else if (damage == "flipped")
        {
            // The database entry comes first: flip bytes in the middle of its compressed data.
            for (var i = 0; i < 16; i++)
            {
                bytes[(bytes.Length / 4) + (i * 97)] ^= 0x5A;
            }
        }

        await File.WriteAllBytesAsync(copy, bytes);
        if (damage == "tampered")
        {
            using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
            zip.GetEntry("keys/protection.key")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("keys/protection.key").Open());
            await writer.WriteAsync(Convert.ToBase64String(new byte[32]));
        }

        await using var target = await fixture.TargetAsync();
        // A first restore into a folder that does not exist yet: refused, it leaves no folder behind.
        var newFolder = damage == "flipped"; // the fixture's target folder is new and empty
        if (newFolder)
        {
            Directory.Delete(target.DataDir);
        }

        var r = await CliRunner.RunAsync(target.Settings(), "restore", "--from", copy);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("已损坏或不完整", r.Err);
        Assert.Contains("未做任何恢复", r.Err);
        if (newFolder)
        {
            Assert.False(Directory.Exists(target.DataDir), "a refused restore left an empty data folder behind");
            Directory.CreateDirectory(target.DataDir);
        }

        Assert.Equal(0, await TableDump.RowsAsync(target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(target.DataDir));
    }

    [Fact]
    public async Task Restore_OfOtherProvidersArchive_IsRefusedClearly()
    {
        using var temp = new TempFolder("other");
        var copy = temp.PathOf("archive.xbak");
        File.Copy(fixture.Archive, copy);
        using (var zip = ZipFile.Open(copy, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            JsonNode manifest;
            using (var read = entry.Open())
            {
                manifest = JsonNode.Parse(read)!;
            }

            manifest["provider"] = fixture.App.Database.Provider == "sqlite" ? "postgres" : "sqlite";
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            await writer.WriteAsync(manifest.ToJsonString());
        }

        await using var target = await fixture.TargetAsync();
        var r = await CliRunner.RunAsync(target.Settings(), "restore", "--from", copy);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("不支持跨数据库类型恢复", r.Err);
        Assert.Equal(0, await TableDump.RowsAsync(target));
    }

    [Fact]
    public async Task Backup_WithoutKeys_LeavesKeysOutAndWarns()
    {
        using var temp = new TempFolder("nokeys");
        var file = temp.PathOf("archive.xbak");
        var r = await CliRunner.RunAsync(fixture.App.Database.Settings(), "backup", "--out", file, "--without-keys");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("不含密钥", r.Out);
        using var zip = ZipFile.OpenRead(file);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("keys/", StringComparison.Ordinal));

        var again = await CliRunner.RunAsync(fixture.App.Database.Settings(), "backup", "--out", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("已存在", again.Err);
    }

    private async Task AssertEqualToSourceAsync(TestDatabase target)
    {
        Assert.Equal(fixture.SourceHashes, await TableDump.HashesAsync(target));
        var restored = Path.Combine(target.DataDir, "files", fixture.EvidenceSha[..2], fixture.EvidenceSha);
        Assert.Equal(fixture.Evidence, await File.ReadAllBytesAsync(restored));

        var settings = new DatabaseSettings(target.Provider == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres,
            target.ConnectionString ?? $"Data Source={TableDump.SqlitePath(target)}", target.DataDir);
        var options = new DbContextOptionsBuilder<XunchaDbContext>();
        XunchaDatabase.Configure(options, settings);
        await using var db = new XunchaDbContext(options.Options);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var petition = await db.Petitions.SingleAsync(p => p.Id == fixture.PetitionId);
        var cipher = new ProtectedDataCipher(new ConfigurationBuilder().Build(), settings);
        Assert.Equal(BackupFixture.ReporterName, cipher.Unprotect(petition.ReporterNameProtected));
    }
}

public sealed class SqliteBackupRestoreTests(SqliteBackupFixture fixture) : BackupRestoreTestsBase(fixture), IClassFixture<SqliteBackupFixture>;

public sealed class PostgresBackupRestoreTests(PostgresBackupFixture fixture) : BackupRestoreTestsBase(fixture), IClassFixture<PostgresBackupFixture>;
