using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Setup;

public sealed record ScaleDataResult(int Rounds, int Leads, int Findings, int Tasks);

/// <summary>
/// City-scale data for load tests and benchmarks: a finished 2025 round per county over all its
/// villages, and leads, findings and rectification tasks spread over every village of the city.
/// Deterministic for a seed; added on top of the demo (run <c>xuncha seed demo</c> first).
/// </summary>
public sealed class ScaleData(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    private const int Batch = 4000;
    private const string Source = "规模测试数据";

    public async Task<ScaleDataResult?> SeedAsync(int leads, int findings, int seed = 2026, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ScreeningBatches.AnyAsync(b => b.Source == Source, ct))
        {
            return null;
        }

        var creator = await db.Users.Where(u => u.UserName == "city").Select(u => u.Id).SingleOrDefaultAsync(ct) ?? "system";
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village).Select(r => r.Code).OrderBy(c => c).ToListAsync(ct);
        var counties = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var rules = await db.Leads.AsNoTracking().Select(l => new { l.RuleCode, l.RuleName, l.Severity }).Distinct().ToListAsync(ct);
        if (villages.Count == 0 || rules.Count == 0)
        {
            throw new InvalidOperationException("规模数据需要先载入演示数据：请先运行 xuncha seed demo");
        }

        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var rounds = counties.Select(c => new Round
        {
            Id = Guid.NewGuid(),
            Name = $"{c.Name}2025年度村（社区）巡察（规模测试）",
            Type = RoundType.Regular,
            RegionCode = c.Code,
            StartDate = new DateOnly(2025, 3, 1),
            EndDate = new DateOnly(2025, 6, 30),
            Status = RoundStatus.Finished,
            CreatedById = creator,
            CreatedAt = now,
        }).ToList();
        var roundOf = rounds.ToDictionary(r => r.RegionCode, r => r.Id);
        db.Rounds.AddRange(rounds);
        db.RoundTargets.AddRange(villages.Select(v => new RoundTarget
        {
            Id = Guid.NewGuid(), RoundId = roundOf[v[..6]], VillageCode = v, PickedById = creator, PickedAt = now,
        }));
        var batch = new ScreeningBatch
        {
            Id = Guid.NewGuid(), StartedAt = now, FinishedAt = now, ScopeCode = "3307", Source = Source, Trigger = "scale", Status = BatchStatus.Completed,
        };
        db.ScreeningBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var categories = FindingTaxonomy.Default.SelectMany(kv => kv.Value.Select(l2 => (L1: kv.Key, L2: l2))).ToArray();
        var leadIds = new List<(Guid Id, string Village)>();
        for (var i = 0; i < leads; i++)
        {
            var rule = rules[random.Next(rules.Count)];
            var village = villages[random.Next(villages.Count)];
            var status = (LeadStatus)(random.Next(10) switch { < 6 => 0, < 8 => 1, _ => 2 });
            var lead = new Lead
            {
                Id = Guid.NewGuid(), RuleCode = rule.RuleCode, RuleName = rule.RuleName, Severity = rule.Severity, VillageCode = village,
                Ref = $"S{i:000000}", Amount = random.Next(3) == 0 ? null : random.Next(500, 900_000), Explanation = $"规模测试线索 {i}",
                Status = status, IsNew = status == LeadStatus.Open && random.Next(4) == 0, FirstBatchId = batch.Id, LastBatchId = batch.Id,
                FirstSeenAt = now, LastSeenAt = now, TriagedById = status == LeadStatus.Open ? null : creator,
                TriagedAt = status == LeadStatus.Open ? null : now, DismissReason = status == LeadStatus.Dismissed ? "经核实无问题" : null,
            };
            db.Leads.Add(lead);
            if (status == LeadStatus.Confirmed)
            {
                leadIds.Add((lead.Id, village));
            }

            await FlushAsync(db, i, ct);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var tasks = 0;
        for (var i = 0; i < findings; i++)
        {
            var fromLead = i < leadIds.Count ? leadIds[i] : ((Guid, string)?)null;
            var village = fromLead?.Item2 ?? villages[random.Next(villages.Count)];
            var (l1, l2) = categories[random.Next(categories.Length)];
            var status = (FindingStatus)random.Next(3);
            var finding = new Finding
            {
                Id = Guid.NewGuid(), VillageCode = village, Title = $"{l2}问题（规模测试 {i}）", Description = "规模测试数据",
                Amount = random.Next(2) == 0 ? null : random.Next(1_000, 500_000), Source = fromLead is null ? "走访" : "筛查线索",
                LeadId = fromLead?.Item1, CreatedById = creator, CreatedAt = now.AddMinutes(-random.Next(500_000)), RoundId = roundOf[village[..6]],
                CategoryL1 = l1, CategoryL2 = l2, ResponsiblePeople = "村报账员", RectifiedOnTheSpot = random.Next(10) == 0, Status = status,
            };
            db.Findings.Add(finding);
            if (status != FindingStatus.Open)
            {
                tasks++;
                var task = new RectificationTask
                {
                    Id = Guid.NewGuid(), FindingId = finding.Id, VillageCode = village, RoundId = finding.RoundId, Title = finding.Title,
                    Measures = "立行立改，健全制度", Deadline = new DateOnly(2025, 9, 30).AddDays(random.Next(-60, 420)),
                    Status = status == FindingStatus.Closed ? RectificationStatus.Closed : (RectificationStatus)random.Next(3),
                    CreatedById = creator, CreatedAt = now, ClosedAt = status == FindingStatus.Closed ? now : null,
                    InstitutionsBuilt = random.Next(3), PeopleAdmonished = random.Next(10) == 0 ? 1 : 0,
                };
                task.Owners.Add(new TaskOwner { Id = Guid.NewGuid(), TaskId = task.Id, Kind = "village", UnitName = "村党组织", RegionCode = village });
                db.RectificationTasks.Add(task);
            }

            await FlushAsync(db, i, ct);
        }

        await db.SaveChangesAsync(ct);
        return new ScaleDataResult(rounds.Count, leads, findings, tasks);
    }

    private static async Task FlushAsync(XunchaDbContext db, int i, CancellationToken ct)
    {
        if ((i + 1) % Batch == 0)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
