using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Statistics;

/// <summary>
/// One query per figure, grouped by the first <c>width</c> digits of the village code (the
/// child region), over the region and the period's rounds.
/// </summary>
internal sealed class Counter(XunchaDbContext db, string region, int width, List<Guid> rounds, bool filtered, int? year)
{
    public sealed record LeadCount(string Key, LeadStatus Status, int Count);

    public sealed record FindingCount(string Key, int Count, int OnTheSpot, decimal Amount);

    public sealed record AmountRow(string Key, decimal Amount);

    public sealed record KeyCount(string Key, int Count);

    public sealed record SuggestionCount(string Key, bool Adopted, int Count);

    public sealed record VisitCount(string Key, FieldRecordKind Kind, int Count);

    public sealed record TaskCount(string Key, int Count, int Done, int Overdue, int Punished, int Organisational, int Admonished, int Institutions);

    /// <summary>The villages the period's rounds inspected.</summary>
    public async Task<HashSet<string>> InspectedAsync(CancellationToken ct) =>
        (await Targets().Select(t => t.VillageCode).Distinct().ToListAsync(ct)).ToHashSet();

    internal IQueryable<RoundTarget> Targets() =>
        db.RoundTargets.AsNoTracking().Where(t => rounds.Contains(t.RoundId) && t.VillageCode.StartsWith(region));

    public async Task<List<LeadCount>> LeadsAsync(IReadOnlyCollection<string> inspected, CancellationToken ct)
    {
        var villages = inspected.ToList();
        var leads = db.Leads.AsNoTracking().Where(l => l.VillageCode.StartsWith(region));
        if (filtered)
        {
            leads = leads.Where(l => villages.Contains(l.VillageCode));
        }

        return await leads.GroupBy(l => new { Key = l.VillageCode.Substring(0, width), l.Status })
            .Select(g => new LeadCount(g.Key.Key, g.Key.Status, g.Count())).ToListAsync(ct);
    }

    public Task<List<FindingCount>> FindingsAsync(CancellationToken ct) =>
        Findings().GroupBy(f => f.VillageCode.Substring(0, width))
            .Select(g => new FindingCount(g.Key, g.Count(), g.Count(f => f.RectifiedOnTheSpot), g.Sum(f => f.Amount ?? 0m))).ToListAsync(ct);

    public Task<List<AmountRow>> RecoveredAsync(CancellationToken ct) =>
        (from r in db.Recoveries.AsNoTracking()
         join f in Findings() on r.FindingId equals f.Id
         group r.Amount by f.VillageCode.Substring(0, width) into g
         select new AmountRow(g.Key, g.Sum())).ToListAsync(ct);

    public Task<List<KeyCount>> CluesAsync(CancellationToken ct) =>
        (from c in db.ClueTransfers.AsNoTracking()
         join f in Findings() on c.FindingId equals f.Id
         group c by f.VillageCode.Substring(0, width) into g
         select new KeyCount(g.Key, g.Count())).ToListAsync(ct);

    internal IQueryable<GuidanceSuggestion> Suggestions()
    {
        var suggestions = db.GuidanceSuggestions.AsNoTracking().Where(s => s.VillageCode.StartsWith(region));
        if (filtered)
        {
            // Suggestions made outside a round count in the year they were raised.
            var (from, to) = year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (DateOnly.MaxValue, DateOnly.MinValue);
            suggestions = suggestions.Where(s => (s.RoundId != null && rounds.Contains(s.RoundId.Value)) || (s.RoundId == null && s.RaisedOn >= from && s.RaisedOn <= to));
        }

        return suggestions;
    }

    internal IQueryable<FieldRecord> Visits()
    {
        var records = db.FieldRecords.AsNoTracking().Where(f => f.VillageCode.StartsWith(region));
        return filtered ? records.Where(f => rounds.Contains(f.RoundId)) : records;
    }

    public Task<List<SuggestionCount>> SuggestionsAsync(CancellationToken ct)
    {
        return Suggestions().GroupBy(s => new { Key = s.VillageCode.Substring(0, width), Adopted = s.Status != SuggestionStatus.Raised })
            .Select(g => new SuggestionCount(g.Key.Key, g.Key.Adopted, g.Count())).ToListAsync(ct);
    }

    public Task<List<VisitCount>> VisitsAsync(CancellationToken ct)
    {
        return Visits().GroupBy(f => new { Key = f.VillageCode.Substring(0, width), f.Kind })
            .Select(g => new VisitCount(g.Key.Key, g.Key.Kind, g.Count())).ToListAsync(ct);
    }

    public Task<List<TaskCount>> RectificationAsync(CancellationToken ct)
    {
        var tasks = db.RectificationTasks.AsNoTracking().Where(t => t.VillageCode.StartsWith(region));
        if (filtered)
        {
            tasks = tasks.Where(t => t.RoundId != null && rounds.Contains(t.RoundId.Value));
        }

        return tasks.GroupBy(t => t.VillageCode.Substring(0, width))
            .Select(g => new TaskCount(g.Key, g.Count(), g.Count(t => t.Status == RectificationStatus.Closed), g.Count(t => t.OverdueSince != null),
                g.Sum(t => t.PeoplePunished), g.Sum(t => t.PeopleOrganisational), g.Sum(t => t.PeopleAdmonished), g.Sum(t => t.InstitutionsBuilt)))
            .ToListAsync(ct);
    }

    public async Task<List<NamedCount>> FindingsByCategoryAsync(CancellationToken ct)
    {
        var rows = await Findings().GroupBy(f => new { f.CategoryL1, f.CategoryL2 })
            .Select(g => new { g.Key.CategoryL1, g.Key.CategoryL2, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.CategoryL2 ?? r.CategoryL1 ?? "未分类")
            .Select(g => new NamedCount(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(n => n.Count).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<List<NamedCount>> InspectedByTypeAsync(CancellationToken ct)
    {
        var rows = await (from t in db.RoundTargets.AsNoTracking()
                          join r in db.Rounds on t.RoundId equals r.Id
                          where rounds.Contains(r.Id) && t.VillageCode.StartsWith(region)
                          select new { r.Type, t.VillageCode }).Distinct().ToListAsync(ct);
        return rows.GroupBy(r => r.Type).Select(g => new NamedCount(PlanningTexts.TypeName(g.Key), g.Select(r => r.VillageCode).Distinct().Count()))
            .OrderByDescending(n => n.Count).ToList();
    }

    internal IQueryable<Domain.Findings.Finding> Findings()
    {
        var findings = db.Findings.AsNoTracking().Where(f => f.VillageCode.StartsWith(region));
        return filtered ? findings.Where(f => f.RoundId != null && rounds.Contains(f.RoundId.Value)) : findings;
    }
}
