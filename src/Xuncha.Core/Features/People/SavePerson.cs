using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>Adds a person to the pool, or changes one; works and relatives are replaced by the input's.</summary>
public sealed class SavePersonHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public Task<PersonDetail> Create(PersonInput input, UserScope user, CancellationToken ct = default) => Save(null, input, user, ct);

    public Task<PersonDetail> Update(Guid id, PersonInput input, UserScope user, CancellationToken ct = default) => Save(id, input, user, ct);

    private async Task<PersonDetail> Save(Guid? id, PersonInput input, UserScope user, CancellationToken ct)
    {
        user.EnsureManager(PeopleTexts.ManagePeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Person? person = null;
        if (id is { } existingId)
        {
            person = await db.People.Include(p => p.Works).Include(p => p.Relatives).SingleOrDefaultAsync(p => p.Id == existingId, ct)
                ?? throw new NotFoundException(PeopleTexts.PersonNotFound(existingId));
            await user.EnsurePoolCoveredAsync(db, person.RegionCode, PeopleTexts.PersonWhat, ct);
        }

        var regions = await RegionDirectory.LoadAsync(db, ct);
        var today = ChinaToday(clock);
        var validation = new ValidationErrors();
        var errors = new FormErrors(validation, PersonRules.Labels);
        var data = PersonRules.Person(input, user, regions, today, errors);
        var works = (input.Works ?? []).Select((w, i) => PersonRules.Work(
            w, regions, today, errors.Nested(PersonRules.WorkLabels, $"works[{i}].", $"工作经历第 {i + 1} 条"), data.RegionCode)).ToList();
        var relatives = (input.Relatives ?? []).Select((r, i) => PersonRules.Relative(
            r, regions, today, errors.Nested(PersonRules.RelativeLabels, $"relatives[{i}].", $"近亲属第 {i + 1} 条"), data.RegionCode)).ToList();

        if (!errors.Has("idNumber") && data.IdNumber.Length > 0)
        {
            var taken = await db.People.AsNoTracking()
                .Where(p => p.IdNumber == data.IdNumber && p.Id != (id ?? Guid.Empty))
                .Select(p => new { p.Name, p.RegionCode })
                .FirstOrDefaultAsync(ct);
            if (taken is not null)
            {
                errors.Add("idNumber", PeopleTexts.IdTaken(taken.Name, regions.NameOf(taken.RegionCode) + PeopleTexts.PeoplePool));
            }
        }

        validation.ThrowIfAny();
        if (person is null)
        {
            person = new Person { Id = Guid.NewGuid(), Name = data.Name, RegionCode = data.RegionCode, Available = input.Available ?? true, CanLead = input.CanLead ?? false };
            db.People.Add(person);
        }

        Apply(db, person, data, input.Available, input.CanLead);
        ReplaceWorks(db, person, works);
        ReplaceRelatives(db, person, relatives);
        await db.SaveChangesAsync(ct);
        return await GetPersonHandler.DetailAsync(db, person, ct);
    }

    internal static void Apply(XunchaDbContext db, Person person, PersonData data, bool? available, bool? canLead)
    {
        person.Name = data.Name;
        person.IdNumber = data.IdNumber;
        person.Gender = data.Gender;
        person.Unit = data.Unit;
        person.Position = data.Position;
        person.Phone = data.Phone;
        person.RegionCode = data.RegionCode;
        person.HomeVillageCode = data.HomeVillageCode;
        person.Skills = data.Skills;
        person.TownshipYears = data.TownshipYears;
        if (available is { } a)
        {
            person.Available = a;
        }

        if (canLead is { } c)
        {
            person.CanLead = c;
        }
    }

    internal static void ReplaceWorks(XunchaDbContext db, Person person, IEnumerable<WorkData> works)
    {
        db.PersonWorks.RemoveRange(person.Works);
        person.Works.Clear();
        foreach (var w in works)
        {
            var work = new PersonWork { Id = Guid.NewGuid(), PersonId = person.Id, RegionCode = w.RegionCode, Unit = w.Unit, From = w.From, To = w.To };
            db.PersonWorks.Add(work);
            person.Works.Add(work);
        }
    }

    internal static void ReplaceRelatives(XunchaDbContext db, Person person, IEnumerable<RelativeData> relatives)
    {
        db.PersonRelatives.RemoveRange(person.Relatives);
        person.Relatives.Clear();
        foreach (var r in relatives)
        {
            var relative = new PersonRelative
            {
                Id = Guid.NewGuid(), PersonId = person.Id, Name = r.Name, Relation = r.Relation, IdNumber = r.IdNumber, VillageCode = r.VillageCode, Position = r.Position,
            };
            db.PersonRelatives.Add(relative);
            person.Relatives.Add(relative);
        }
    }

    /// <summary>Today in China: ID birth dates and work dates are Chinese calendar dates.</summary>
    internal static DateOnly ChinaToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
