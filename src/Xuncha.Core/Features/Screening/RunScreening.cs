using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;
using Xuncha.Screening.Engine;
using Xuncha.Screening.Package;
using EngineLead = Xuncha.Screening.Engine.Lead;
using Lead = Xuncha.Core.Domain.Screening.Lead;

namespace Xuncha.Core.Features.Screening;

/// <summary>Screen a package for a region and keep the result: the run record, the leads with their evidence, the village profiles.</summary>
public sealed record RunScreening(string PackagePath, string Source, string Trigger, string? ScopeCode = null, DateOnly? AsOf = null);

public sealed record ScreeningResult(Guid BatchId, BatchStatus Status, int Leads, int NewLeads, int Villages, IReadOnlyList<PackageError> Errors, string? Message);

public sealed record BatchRecord(
    string AsOfSource,
    IReadOnlyDictionary<string, long> RowsPerTable,
    IReadOnlyList<RuleOutcomeRecord> Rules,
    IReadOnlyList<string> Notes,
    long LoadMs);

public sealed record RuleOutcomeRecord(string Code, string Name, int Leads, string Status, string? Reason, long ElapsedMs, IReadOnlyDictionary<string, decimal> Thresholds);

public sealed class RunScreeningHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock, ProtectedDataCipher cipher)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<ScreeningResult> Handle(RunScreening cmd, UserScope? actor, Action<string>? progress = null, CancellationToken ct = default)
    {
        actor?.EnsureRole(ScreeningAccess.Operators, ScreeningTexts.RunAction);
        var scope = RegionCode.Normalize(cmd.ScopeCode) ?? actor?.ScopeCode ?? RegionCode.City;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scopeName = await db.Regions.Where(r => r.Code == scope).Select(r => r.Name).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("scopeCode", ScreeningTexts.UnknownScope(scope));
        actor?.EnsureCovers(scope, scopeName);

        var batch = new ScreeningBatch
        {
            Id = Guid.NewGuid(),
            StartedAt = clock.GetUtcNow(),
            ScopeCode = scope,
            UserId = actor?.UserId,
            Source = cmd.Source,
            Trigger = cmd.Trigger,
            PackagePath = cmd.PackagePath,
        };

        ScreeningRun run;
        try
        {
            run = await Task.Run(() => ScreeningEngine.Run(cmd.PackagePath, new ScreeningOptions(cmd.AsOf, Progress: progress, CollectEvidence: true, CollectRoster: true)), ct);
        }
        catch (InvalidPackageException ex)
        {
            return await Refuse(db, batch, ex.Errors, ct);
        }

        var errors = await CheckVillages(db, run, scope, scopeName, actor, ct);
        if (errors.Count > 0)
        {
            return await Refuse(db, batch, errors, ct);
        }

        var now = clock.GetUtcNow();
        var villages = run.Villages.Select(v => v.Code).ToList();
        var existing = await db.Leads.Where(l => villages.Contains(l.VillageCode)).ToListAsync(ct);
        foreach (var old in existing)
        {
            old.IsNew = false;
        }

        var byKey = existing.ToDictionary(l => (l.RuleCode, l.VillageCode, l.Ref));
        var added = 0;
        foreach (var lead in run.Leads)
        {
            var evidence = JsonSerializer.Serialize(run.Evidence.GetValueOrDefault(lead) ?? [], Json);
            if (byKey.TryGetValue((lead.RuleCode, lead.VillageCode, lead.Ref), out var known))
            {
                known.Amount = lead.Amount;
                known.Explanation = lead.Explanation;
                known.LastBatchId = batch.Id;
                known.LastSeenAt = now;
                known.EvidenceJson = evidence;
                continue;
            }

            db.Leads.Add(new Lead
            {
                Id = Guid.NewGuid(),
                RuleCode = lead.RuleCode,
                RuleName = lead.RuleName,
                Severity = lead.Severity.ToChinese(),
                VillageCode = lead.VillageCode,
                Ref = lead.Ref,
                Amount = lead.Amount,
                Explanation = lead.Explanation,
                Status = LeadStatus.Open,
                IsNew = true,
                FirstBatchId = batch.Id,
                LastBatchId = batch.Id,
                FirstSeenAt = now,
                LastSeenAt = now,
                EvidenceJson = evidence,
            });
            added++;
        }

        // The roster's bulk deletes and the saved changes commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await UpdateProfiles(db, run, now, ct);
        await RosterStore.Replace(db, run, cipher, ct);
        batch.Status = BatchStatus.Completed;
        batch.FinishedAt = clock.GetUtcNow();
        batch.AsOf = run.AsOf;
        batch.RulePackVersion = run.RulePackVersion;
        batch.LeadCount = run.Leads.Count;
        batch.NewLeadCount = added;
        batch.VillageCount = villages.Count;
        batch.ElapsedMs = (long)run.Elapsed.TotalMilliseconds;
        batch.RecordJson = JsonSerializer.Serialize(new BatchRecord(
            run.AsOfSource,
            run.RowsPerTable,
            run.Rules.Select(r => new RuleOutcomeRecord(r.Code, r.Name, r.Leads, r.Status, r.Reason, (long)r.Elapsed.TotalMilliseconds, r.Thresholds)).ToList(),
            run.Notes,
            (long)run.LoadTime.TotalMilliseconds), Json);
        db.ScreeningBatches.Add(batch);
        if (added > 0)
        {
            await NotifyNewLeads(db, batch, villages, added, scopeName, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ScreeningResult(batch.Id, batch.Status, batch.LeadCount, added, villages.Count, [], null);
    }

    /// <summary>Every village of the package must be a real village inside the region it is imported for.</summary>
    private static async Task<List<PackageError>> CheckVillages(XunchaDbContext db, ScreeningRun run, string scope, string scopeName, UserScope? actor, CancellationToken ct)
    {
        var lines = run.Villages.ToDictionary(v => v.Code, v => v.Line);
        var codes = lines.Keys.Concat(run.Leads.Select(l => l.VillageCode)).Distinct().ToList();
        var known = (await db.Regions.Where(r => r.Level == RegionLevel.Village && codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        var errors = new List<PackageError>();
        foreach (var code in codes.OrderBy(c => lines.GetValueOrDefault(c, int.MaxValue)))
        {
            // Villages found only in other tables (not in villages) are named without a line.
            var reason = !known.Contains(code) ? ScreeningTexts.NotAVillage(code)
                : !RegionCode.IsWithin(code, scope) ? ScreeningTexts.OutsideScope(code, scopeName)
                : actor is { Villages: { } own } && !own.Contains(code) ? ScreeningTexts.OutsideOwnRounds(code)
                : null;
            if (reason is not null)
            {
                errors.Add(new PackageError("villages", lines.GetValueOrDefault(code), "「村社代码」", reason));
            }
        }

        return errors;
    }

    private static async Task UpdateProfiles(XunchaDbContext db, ScreeningRun run, DateTimeOffset now, CancellationToken ct)
    {
        var codes = run.Villages.Select(v => v.Code).ToList();
        var stats = run.Roster?.Stats.ToDictionary(x => x.VillageCode) ?? [];
        var profiles = await db.VillageProfiles.Where(p => codes.Contains(p.VillageCode)).ToDictionaryAsync(p => p.VillageCode, ct);
        foreach (var v in run.Villages)
        {
            if (!profiles.TryGetValue(v.Code, out var p))
            {
                db.VillageProfiles.Add(p = new VillageProfile { VillageCode = v.Code });
            }

            p.Population = v.Population ?? p.Population;
            p.CollectiveIncome = v.CollectiveIncome ?? p.CollectiveIncome;
            p.WeakOrg = v.WeakOrg ?? p.WeakOrg;
            p.KeyWorkScore = v.KeyWorkScore is { } score ? (decimal)score : p.KeyWorkScore;
            p.LastInspected = v.LastInspected ?? p.LastInspected;
            p.Chart = v.Chart ?? p.Chart;
            if (stats.TryGetValue(v.Code, out var counts))
            {
                p.Contracts = run.RowsPerTable.ContainsKey("contracts") ? counts.Contracts : p.Contracts;
                p.WorksAmount = run.RowsPerTable.ContainsKey("contracts") ? counts.WorksAmount : p.WorksAmount;
                p.SubsidyRecipients = run.RowsPerTable.ContainsKey("subsidies") ? counts.SubsidyRecipients : p.SubsidyRecipients;
            }

            p.UpdatedAt = now;
            p.LastScreenedAt = now;
        }
    }

    private async Task<ScreeningResult> Refuse(XunchaDbContext db, ScreeningBatch batch, IReadOnlyList<PackageError> errors, CancellationToken ct)
    {
        batch.Status = BatchStatus.Invalid;
        batch.FinishedAt = clock.GetUtcNow();
        batch.ErrorCount = errors.Count;
        batch.ErrorsJson = JsonSerializer.Serialize(errors, Json);
        db.ChangeTracker.Clear();
        db.ScreeningBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return new ScreeningResult(batch.Id, batch.Status, 0, 0, 0, errors, ScreeningTexts.Invalid(errors.Count));
    }

    /// <summary>One 新线索 notification per batch to each county office and team member whose scope holds a screened village.</summary>
    private static Task<int> NotifyNewLeads(XunchaDbContext db, ScreeningBatch batch, IReadOnlyCollection<string> villages, int added, string scopeName, CancellationToken ct) =>
        Notifications.Notifier.ToAudienceAsync(db, [Roles.CountyOffice, Roles.TeamMember], villages, Notifications.NotificationKinds.NewLead,
            $"数据筛查发现 {added} 条新的疑似问题", $"{scopeName}的数据筛查（{batch.StartedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}）新增 {added} 条疑似问题，请及时研判。",
            "/screening/leads?status=Open", batch.FinishedAt, ct);
}
