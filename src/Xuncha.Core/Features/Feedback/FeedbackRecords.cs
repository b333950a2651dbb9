using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Feedback;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Feedback;

public sealed record SaveFeedbackRecord(
    Guid? Id, Guid? RoundId, int? Level, string? RegionCode, DateOnly? Date, string? Place, string? GivenBy, string? Attendees,
    IReadOnlyList<string>? DocumentsHandedOver, string? Notes);

public sealed record FeedbackRow(
    Guid Id, Guid RoundId, string RoundName, int Level, string LevelName, string Giver, string Receiver, string RegionCode, string RegionName,
    DateOnly Date, string Place, string GivenBy, string Attendees, IReadOnlyList<string> DocumentsHandedOver, string Notes);

public sealed record FeedbackRound(Guid Id, string Name, DateOnly StartDate, Domain.Planning.RoundStatus Status)
{
    /// <summary>Feedback follows fieldwork: a round still in preparation has none yet.</summary>
    public bool Started => Status != Domain.Planning.RoundStatus.Preparing;
}

/// <summary>A region of the round that can receive feedback at a level, for the form.</summary>
public sealed record FeedbackTarget(int Level, string RegionCode, string Name);

/// <summary>四级反馈 records of a round: list, the form's choices, save, delete.</summary>
public sealed class FeedbackRecordsHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<FeedbackSettings> settings, TimeProvider clock)
{
    /// <summary>The rounds the user may see, newest first, for the page's picker.</summary>
    public async Task<IReadOnlyList<FeedbackRound>> Rounds(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FeedbackAccess.Readers, FeedbackTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await RoundQueries.Visible(db, user).Select(r => new FeedbackRound(r.Id, r.Name, r.StartDate, r.Status)).ToListAsync(ct);
        return rounds.OrderByDescending(r => r.Started).ThenByDescending(r => r.StartDate).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<FeedbackRow>> List(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FeedbackAccess.Readers, FeedbackTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureRoundAsync(db, roundId, user, ct);
        var scope = user.ScopeCode;
        var rows = await (from f in db.FeedbackRecords.AsNoTracking()
                          join r in db.Rounds on f.RoundId equals r.Id
                          join g in db.Regions on f.RegionCode equals g.Code
                          where f.RoundId == roundId && f.RegionCode.StartsWith(scope)
                          select new { f, RoundName = r.Name, RegionName = g.Name }).ToListAsync(ct);
        return rows.OrderBy(x => x.f.Level).ThenBy(x => x.f.RegionCode).ThenBy(x => x.f.Date)
            .Select(x => Row(x.f, x.RoundName, x.RegionName)).ToList();
    }

    /// <summary>For each level, the regions of the round's villages (within scope) that receive feedback at it.</summary>
    public async Task<IReadOnlyList<FeedbackTarget>> Targets(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FeedbackAccess.Readers, FeedbackTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureRoundAsync(db, roundId, user, ct);
        var villages = await VillagesAsync(db, roundId, user, ct);
        var codes = villages.SelectMany(v => new[] { v[..6], v[..9], v }).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var targets = new List<FeedbackTarget>();
        foreach (var level in settings.Value.EffectiveLevels)
        {
            var length = RegionCode.LengthOf(level.ReceiverLevel);
            targets.AddRange(villages.Select(v => v[..length]).Distinct().Where(user.Covers).Order()
                .Select(c => new FeedbackTarget(level.Level, c, names.GetValueOrDefault(c, c))));
        }

        return targets;
    }

    public async Task<Guid> Save(SaveFeedbackRecord cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FeedbackAccess.Editors, FeedbackTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        FeedbackRecord? record = null;
        if (cmd.Id is { } id)
        {
            record = await db.FeedbackRecords.SingleOrDefaultAsync(f => f.Id == id && f.RegionCode.StartsWith(user.ScopeCode), ct)
                ?? throw new NotFoundException(FeedbackTexts.NotFound);
        }

        var errors = new ValidationErrors();
        var roundId = record?.RoundId ?? cmd.RoundId;
        if (roundId is null)
        {
            throw new ValidationException("roundId", FeedbackTexts.RoundRequired);
        }

        var round = await RoundQueries.Visible(db, user).Where(r => r.Id == roundId).Select(r => new { r.StartDate }).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("roundId", FeedbackTexts.RoundNotFound);
        var level = settings.Value.EffectiveLevels.FirstOrDefault(l => l.Level == (record?.Level ?? cmd.Level));
        if (level is null)
        {
            errors.Add("level", FeedbackTexts.LevelUnknown);
        }

        var region = record?.RegionCode ?? cmd.RegionCode?.Trim() ?? "";
        if (level is not null && record is null)
        {
            var villages = await VillagesAsync(db, roundId.Value, user, ct);
            var length = RegionCode.LengthOf(level.ReceiverLevel);
            if (region.Length != length || !villages.Any(v => v.StartsWith(region, StringComparison.Ordinal)) || !user.Covers(region))
            {
                errors.Add("regionCode", FeedbackTexts.RegionWrongLevel(level.Name, level.Receiver));
            }
        }

        var today = SavePersonHandler.ChinaToday(clock);
        if (cmd.Date is not { } date)
        {
            errors.Add("date", FeedbackTexts.DateRequired);
        }
        else if (date > today)
        {
            errors.Add("date", FeedbackTexts.DateInFuture);
        }
        else if (date < round.StartDate)
        {
            errors.Add("date", FeedbackTexts.DateBeforeRound(round.StartDate));
        }

        var attendees = cmd.Attendees?.Trim() ?? "";
        if (attendees.Length == 0)
        {
            errors.Add("attendees", FeedbackTexts.AttendeesRequired);
        }
        else if (attendees.Length > 1000)
        {
            errors.Add("attendees", FeedbackTexts.AttendeesTooLong);
        }

        var notes = cmd.Notes?.Trim() ?? "";
        if (notes.Length > 2000)
        {
            errors.Add("notes", FeedbackTexts.NotesTooLong);
        }

        errors.ThrowIfAny();
        if (record is null)
        {
            if (await db.FeedbackRecords.AnyAsync(f => f.RoundId == roundId && f.Level == level!.Level && f.RegionCode == region, ct))
            {
                var name = await db.Regions.Where(r => r.Code == region).Select(r => r.Name).SingleAsync(ct);
                throw new ValidationException("level", FeedbackTexts.Duplicate(level!.Name, name));
            }

            record = new FeedbackRecord
            {
                Id = Guid.NewGuid(), RoundId = roundId.Value, Level = level!.Level, RegionCode = region, Attendees = attendees,
                CreatedById = user.UserId, CreatedAt = clock.GetUtcNow(),
            };
            db.FeedbackRecords.Add(record);
        }

        record.Date = cmd.Date!.Value;
        record.Place = cmd.Place?.Trim() ?? "";
        record.GivenBy = cmd.GivenBy?.Trim() ?? "";
        record.Attendees = attendees;
        record.DocumentsHandedOver = cmd.DocumentsHandedOver?.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList() ?? [];
        record.Notes = notes;
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    public async Task Delete(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FeedbackAccess.Editors, FeedbackTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.FeedbackRecords.SingleOrDefaultAsync(f => f.Id == id && f.RegionCode.StartsWith(user.ScopeCode), ct)
            ?? throw new NotFoundException(FeedbackTexts.NotFound);
        db.FeedbackRecords.Remove(record);
        await db.SaveChangesAsync(ct);
    }

    internal static async Task EnsureRoundAsync(XunchaDbContext db, Guid roundId, UserScope user, CancellationToken ct)
    {
        if (!await RoundQueries.Visible(db, user).AnyAsync(r => r.Id == roundId, ct))
        {
            throw new NotFoundException(FeedbackTexts.RoundNotFound);
        }
    }

    internal static Task<List<string>> VillagesAsync(XunchaDbContext db, Guid roundId, UserScope user, CancellationToken ct) =>
        db.RoundTargets.AsNoTracking().Where(t => t.RoundId == roundId && t.VillageCode.StartsWith(user.ScopeCode))
            .Select(t => t.VillageCode).OrderBy(c => c).ToListAsync(ct);

    private FeedbackRow Row(FeedbackRecord f, string roundName, string regionName)
    {
        var level = settings.Value.EffectiveLevels.FirstOrDefault(l => l.Level == f.Level);
        return new FeedbackRow(f.Id, f.RoundId, roundName, f.Level, level?.Name ?? $"第 {f.Level} 级", level?.Giver ?? "", level?.Receiver ?? "",
            f.RegionCode, regionName, f.Date, f.Place, f.GivenBy, f.Attendees, f.DocumentsHandedOver, f.Notes);
    }
}
