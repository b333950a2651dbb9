using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>Adds an expert to the pool, or changes one. An ID number, when given, is unique in the pool.</summary>
public sealed class SaveExpertHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public Task<ExpertRow> Create(ExpertInput input, UserScope user, CancellationToken ct = default) => Save(null, input, user, ct);

    public Task<ExpertRow> Update(Guid id, ExpertInput input, UserScope user, CancellationToken ct = default) => Save(id, input, user, ct);

    private async Task<ExpertRow> Save(Guid? id, ExpertInput input, UserScope user, CancellationToken ct)
    {
        user.EnsureManager(PeopleTexts.ManageExperts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Expert? expert = null;
        if (id is { } existingId)
        {
            expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == existingId, ct) ?? throw new NotFoundException(PeopleTexts.ExpertNotFound(existingId));
            await user.EnsurePoolCoveredAsync(db, expert.RegionCode, PeopleTexts.ExpertWhat, ct);
        }

        var regions = await RegionDirectory.LoadAsync(db, ct);
        var validation = new ValidationErrors();
        var errors = new FormErrors(validation, ExpertRules.Labels);
        var data = ExpertRules.Expert(input, user, regions, SavePersonHandler.ChinaToday(clock), errors);
        if (!errors.Has("idNumber") && data.IdNumber is { } idNumber)
        {
            var taken = await db.Experts.AsNoTracking()
                .Where(e => e.IdNumber == idNumber && e.Id != (id ?? Guid.Empty))
                .Select(e => new { e.Name, e.RegionCode })
                .FirstOrDefaultAsync(ct);
            if (taken is not null)
            {
                errors.Add("idNumber", PeopleTexts.ExpertIdTaken(taken.Name, regions.NameOf(taken.RegionCode) + PeopleTexts.ExpertPool));
            }
        }

        validation.ThrowIfAny();
        if (expert is null)
        {
            expert = new Expert { Id = Guid.NewGuid(), Name = data.Name, Field = data.Field, RegionCode = data.RegionCode, Available = input.Available ?? true };
            db.Experts.Add(expert);
        }

        ExpertRules.Apply(expert, data, input.Available);
        await db.SaveChangesAsync(ct);
        return (await ListExpertsHandler.RowsAsync(db, [expert], ct))[0];
    }
}
