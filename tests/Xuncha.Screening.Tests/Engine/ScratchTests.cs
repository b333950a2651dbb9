using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Tests.Engine;

/// <summary>A run's DuckDB scratch folder never outlives it, not even when the process was killed mid-run.</summary>
public sealed class ScratchTests
{
    [Fact]
    public void Folder_IsDeletedWithWhatDuckDbPutInIt_WhenTheRunEnds()
    {
        string folder;
        using (var scratch = Scratch.Open("unused"))
        {
            folder = scratch.Folder;
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), Scratch.Prefix), folder);
            File.WriteAllText(Path.Combine(folder, "spill.tmp"), "x");
        }

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void FolderOfAKilledRun_IsDeletedByTheNextRun_ButNotOneInUseOrJustCreated()
    {
        var dead = Fake(age: TimeSpan.FromHours(2));
        var live = Fake(age: TimeSpan.FromHours(2));
        var young = Fake(age: TimeSpan.Zero);
        try
        {
            using (new FileStream(Path.Combine(live, Scratch.LockName), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                Directory.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-2));
                Scratch.DeleteOrphans();
            }

            Assert.False(Directory.Exists(dead), "the folder of a dead run was kept");
            Assert.True(Directory.Exists(live), "the folder of a live run was deleted");
            Assert.True(Directory.Exists(young), "a folder not yet locked by its run was deleted");
        }
        finally
        {
            TempFolder.Delete(dead);
            TempFolder.Delete(live);
            TempFolder.Delete(young);
        }
    }

    /// <summary>A scratch folder as a run leaves it when killed: the lock file there, nobody holding it.</summary>
    private static string Fake(TimeSpan age)
    {
        var folder = Directory.CreateTempSubdirectory(Scratch.Prefix).FullName;
        File.WriteAllText(Path.Combine(folder, Scratch.LockName), "");
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow - age);
        return folder;
    }
}
