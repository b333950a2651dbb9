using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Screening;

/// <summary>
/// 精准预警: screen again the newest stored package of every region that has one, so that
/// leads appearing since the last run (new data, changed thresholds, a later as-of) show as new.
/// </summary>
public sealed class EarlyWarning(IDbContextFactory<XunchaDbContext> dbFactory, RunScreeningHandler screening)
{
    public async Task<IReadOnlyList<ScreeningResult>> RunAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.ScreeningBatches.AsNoTracking()
            .Where(b => b.Status == BatchStatus.Completed && b.PackagePath != null)
            .Select(b => new { b.ScopeCode, b.PackagePath, b.Source, b.StartedAt })
            .ToListAsync(ct);
        var results = new List<ScreeningResult>();
        foreach (var package in latest.GroupBy(b => b.ScopeCode).Select(g => g.OrderByDescending(b => b.StartedAt).First()))
        {
            if (!Directory.Exists(package.PackagePath) && !File.Exists(package.PackagePath))
            {
                continue;
            }

            results.Add(await screening.Handle(new RunScreening(package.PackagePath!, package.Source, "schedule", package.ScopeCode), null, null, ct));
        }

        return results;
    }
}
