using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Security.Protection;
using Xuncha.IntegrationTests.Cli;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Backup;

/// <summary>
/// A running host on demo data plus one evidence file and one petition with a protected reporter,
/// backed up once by the real `xuncha backup` while the host runs. The source's table hashes are
/// taken right after the backup.
/// </summary>
public abstract class BackupFixture : IAsyncLifetime
{
    public const string ReporterName = "钮备份";

    public XunchaAppFactory App { get; private set; } = null!;
    public string Archive { get; } = Path.Combine(Path.GetTempPath(), $"xuncha-backup-{Guid.NewGuid():N}.xbak");
    public byte[] Evidence { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(300_000);
    public string EvidenceSha { get; private set; } = "";
    public Guid PetitionId { get; } = Guid.NewGuid();
    public SortedDictionary<string, string> SourceHashes { get; private set; } = [];
    public CliResult Backup { get; private set; } = null!;

    protected abstract Task<TestDatabase> NewDatabaseAsync();

    public Task<TestDatabase> TargetAsync() => NewDatabaseAsync();

    public async Task InitializeAsync()
    {
        App = new XunchaAppFactory(await NewDatabaseAsync());
        await App.InitializeAsync();
        await using (var db = await App.DbAsync())
        {
            var finding = await db.Findings.OrderBy(f => f.Id).FirstAsync();
            var uploader = await db.Users.Where(u => u.UserName == "team").Select(u => u.Id).SingleAsync();
            var (sha, size) = await App.Services.GetRequiredService<FileStore>().SaveAsync(new MemoryStream(Evidence), 1 << 20, CancellationToken.None);
            EvidenceSha = sha;
            db.EvidenceFiles.Add(new EvidenceFile
            {
                Id = Guid.NewGuid(), FindingId = finding.Id, FileName = "现场照片.jpg", ContentType = "image/jpeg", Size = size, Sha256 = sha,
                UploadedById = uploader, UploadedAt = new DateTimeOffset(2026, 3, 5, 2, 0, 0, TimeSpan.Zero),
            });
            var cipher = App.Services.GetRequiredService<ProtectedDataCipher>();
            db.Petitions.Add(new Petition
            {
                Id = PetitionId, VillageCode = finding.VillageCode, PetitionNo = "PT-BACKUP", ReceivedDate = new DateOnly(2025, 5, 1),
                Category = "财务", Summary = "反映集体资产出租收入未公开", Status = "办理中",
                ReporterNameProtected = cipher.Protect(ReporterName), ReporterPhoneProtected = cipher.Protect("13712345678"),
            });
            await db.SaveChangesAsync();
        }

        Backup = await CliRunner.RunAsync(App.Database.Settings(), "backup", "--out", Archive);
        SourceHashes = await TableDump.HashesAsync(App.Database);
    }

    public async Task DisposeAsync()
    {
        File.Delete(Archive);
        await App.DisposeAsync();
    }
}

public sealed class SqliteBackupFixture : BackupFixture
{
    protected override Task<TestDatabase> NewDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresBackupFixture : BackupFixture
{
    protected override Task<TestDatabase> NewDatabaseAsync() => TestDatabase.PostgresAsync();
}
