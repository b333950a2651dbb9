using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Fieldwork;

public sealed record SaveGuidanceGroup(Guid? Id, string? Name, string? RegionCode, IReadOnlyList<string>? Members, IReadOnlyList<string>? VillageCodes);

public sealed record GroupVillage(string Code, string Name);

public sealed record GuidanceGroupRow(
    Guid Id, string Name, string RegionCode, string RegionName, IReadOnlyList<string> Members, IReadOnlyList<GroupVillage> Villages,
    int Records, int Raised, int Adopted, int Implemented);

/// <summary>指导组: the offices set groups up; everyone who may read sees those working within or over his scope.</summary>
public sealed class GuidanceGroupsHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<GuidanceGroupRow>> List(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.GuidanceViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await FieldworkAccess.VisibleGroups(db, user).OrderBy(g => g.Name).ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var codes = groups.SelectMany(g => g.VillageCodes).Append("").Concat(groups.Select(g => g.RegionCode)).Distinct().ToList();
        var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var records = await db.GuidanceRecords.Where(r => ids.Contains(r.GroupId) && r.VillageCode.StartsWith(user.ScopeCode))
            .GroupBy(r => r.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var suggestions = await db.GuidanceSuggestions.Where(s => ids.Contains(s.GroupId) && s.VillageCode.StartsWith(user.ScopeCode))
            .GroupBy(s => new { s.GroupId, s.Status }).Select(g => new { g.Key.GroupId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid id, SuggestionStatus status) => suggestions.FirstOrDefault(s => s.GroupId == id && s.Status == status)?.Count ?? 0;
        return groups.Select(g => new GuidanceGroupRow(g.Id, g.Name, g.RegionCode, names.GetValueOrDefault(g.RegionCode, g.RegionCode), g.Members,
            g.VillageCodes.Where(user.Covers).Select(v => new GroupVillage(v, names.GetValueOrDefault(v, v))).ToList(),
            records.GetValueOrDefault(g.Id), Count(g.Id, SuggestionStatus.Raised), Count(g.Id, SuggestionStatus.Adopted), Count(g.Id, SuggestionStatus.Implemented))).ToList();
    }

    public async Task<Guid> Save(SaveGuidanceGroup cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.GroupEditors, FieldworkTexts.GroupEditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        GuidanceGroup? group = null;
        if (cmd.Id is { } id)
        {
            group = await db.GuidanceGroups.SingleOrDefaultAsync(g => g.Id == id && g.RegionCode.StartsWith(user.ScopeCode), ct)
                ?? throw new NotFoundException(FieldworkTexts.GroupNotFound(id));
        }

        var errors = new ValidationErrors();
        var name = cmd.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", FieldworkTexts.GroupNameRequired);
        }

        var region = group?.RegionCode ?? RegionCode.Normalize(cmd.RegionCode ?? "");
        if (region is null)
        {
            errors.Add("regionCode", FieldworkTexts.GroupRegionRequired);
        }

        errors.ThrowIfAny();
        var regionName = await db.Regions.Where(r => r.Code == region).Select(r => r.Name).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("regionCode", FieldworkTexts.GroupRegionRequired);
        user.EnsureCovers(region!, regionName);
        var villages = cmd.VillageCodes?.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList() ?? [];
        if (villages.Any(v => !RegionCode.IsWithin(v, region!))
            || await db.Regions.CountAsync(r => villages.Contains(r.Code) && r.Level == RegionLevel.Village, ct) != villages.Count)
        {
            throw new ValidationException("villageCodes", FieldworkTexts.GroupVillageOutside);
        }

        if (group is null)
        {
            group = new GuidanceGroup { Id = Guid.NewGuid(), Name = name, RegionCode = region!, CreatedById = user.UserId, CreatedAt = clock.GetUtcNow() };
            db.GuidanceGroups.Add(group);
        }

        group.Name = name;
        group.Members = cmd.Members?.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList() ?? [];
        group.VillageCodes = villages;
        await db.SaveChangesAsync(ct);
        return group.Id;
    }
}
