using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>An uploaded workbook in the layout of the downloadable template.</summary>
public sealed record ImportWorkbook(Stream Content, string FileName);

/// <summary>What an import did, or — when <see cref="Errors"/> is not empty — why it did nothing.</summary>
public sealed record ImportResult(int Inserted, int Updated, int Works, int Relatives, IReadOnlyList<ImportError> Errors, string Message)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, 0, 0, 0, errors, PeopleTexts.ImportFailed(errors.Count));
}

/// <summary>
/// Imports the personnel workbook all or nothing: every bad cell is reported with its sheet, row
/// and column, and one bad cell means nothing is written. People are matched by ID number:
/// known ones are updated, the others added. A person's works and relatives are replaced by the
/// workbook's rows when the workbook has that sheet.
/// </summary>
public sealed class ImportPeopleHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    private sealed record Row(int Number, PersonData Data, bool? Available, bool? CanLead);

    public async Task<ImportResult> Handle(ImportWorkbook file, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManagePeople);
        var (reader, openError) = await WorkbookReader.OpenAsync(file.Content, file.FileName, ct);
        if (reader is null)
        {
            return ImportResult.Failed([openError!]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await RegionDirectory.LoadAsync(db, ct);
        var today = SavePersonHandler.ChinaToday(clock);
        var errors = new List<ImportError>();
        List<Row> people;
        Dictionary<string, List<WorkData>>? works = null;
        Dictionary<string, List<RelativeData>>? relatives = null;
        try
        {
            if (!reader.Has(PeopleWorkbook.PeopleSheet))
            {
                return ImportResult.Failed([new ImportError(reader.FileName, PeopleWorkbook.PeopleSheet, 0, "", PeopleTexts.SheetMissing(PeopleWorkbook.PeopleSheet))]);
            }

            var examples = new HashSet<string>();
            people = ReadPeople(reader, user, regions, today, errors, examples);
            var byId = people.GroupBy(p => p.Data.IdNumber).ToDictionary(g => g.Key, g => g.First());
            if (reader.Has(PeopleWorkbook.WorksSheet))
            {
                works = ReadWorks(reader, byId, examples, regions, today, errors);
            }

            if (reader.Has(PeopleWorkbook.RelativesSheet))
            {
                relatives = ReadRelatives(reader, byId, examples, regions, today, errors);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return ImportResult.Failed([new ImportError(reader.FileName, "", 0, "", PeopleTexts.ImportUnreadable(ex.Message))]);
        }

        if (errors.Count == 0 && people.Count == 0)
        {
            errors.Add(new ImportError(reader.FileName, PeopleWorkbook.PeopleSheet, 0, "", PeopleTexts.SheetEmpty));
        }

        // Known ID numbers are updates, and only within the user's scope.
        var ids = people.Select(p => p.Data.IdNumber).Where(id => id.Length > 0).Distinct().ToList();
        var existing = await db.People.Where(p => p.IdNumber != null && ids.Contains(p.IdNumber))
            .Include(p => p.Works).Include(p => p.Relatives).AsSplitQuery()
            .ToDictionaryAsync(p => p.IdNumber!, ct);
        foreach (var row in people)
        {
            if (existing.TryGetValue(row.Data.IdNumber, out var known) && !user.Covers(known.RegionCode))
            {
                errors.Add(new ImportError(reader.FileName, PeopleWorkbook.PeopleSheet, row.Number, PersonRules.Labels["idNumber"],
                    PeopleTexts.OutsideScopeExisting(known.Name, regions.NameOf(known.RegionCode) + PeopleTexts.PeoplePool, user.ScopeName)));
            }
        }

        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        int inserted = 0, updated = 0;
        foreach (var row in people)
        {
            if (existing.TryGetValue(row.Data.IdNumber, out var person))
            {
                updated++;
            }
            else
            {
                person = new Person { Id = Guid.NewGuid(), Name = row.Data.Name, RegionCode = row.Data.RegionCode, Available = row.Available ?? true, CanLead = row.CanLead ?? false };
                db.People.Add(person);
                inserted++;
            }

            SavePersonHandler.Apply(db, person, row.Data, row.Available, row.CanLead);
            if (works is not null)
            {
                SavePersonHandler.ReplaceWorks(db, person, works.GetValueOrDefault(row.Data.IdNumber, []));
            }

            if (relatives is not null)
            {
                SavePersonHandler.ReplaceRelatives(db, person, relatives.GetValueOrDefault(row.Data.IdNumber, []));
            }
        }

        await db.SaveChangesAsync(ct);
        var workCount = works?.Values.Sum(w => w.Count) ?? 0;
        var relativeCount = relatives?.Values.Sum(r => r.Count) ?? 0;
        return new ImportResult(inserted, updated, workCount, relativeCount, [], PeopleTexts.ImportDone(inserted, updated));
    }

    /// <summary>The 人员 rows; the template's example rows (姓名 starting with 示例) are skipped and their ID numbers put in <paramref name="examples"/>.</summary>
    private static List<Row> ReadPeople(WorkbookReader reader, UserScope user, RegionDirectory regions, DateOnly today, List<ImportError> errors, HashSet<string> examples)
    {
        var labels = PersonRules.Labels;
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>();
        foreach (var cells in reader.Read(PeopleWorkbook.PeopleSheet, PeopleWorkbook.PeopleColumns, errors))
        {
            if (PeopleWorkbook.IsExample(cells.Text(labels["name"])))
            {
                examples.Add(cells.Text(labels["idNumber"]).ToUpperInvariant());
                continue;
            }

            var e = new RowErrors(errors, reader.FileName, PeopleWorkbook.PeopleSheet, cells.Number, labels);
            var input = new PersonInput(
                cells.Text(labels["name"]),
                Cells.IdText(cells[labels["idNumber"]], "idNumber", e),
                cells.Text(labels["gender"]),
                cells.Text(labels["unit"]),
                cells.Text(labels["position"]),
                cells.Text(labels["phone"]),
                cells.Text(labels["regionCode"]),
                cells.Text(labels["homeVillageCode"]),
                Cells.List(cells[labels["skills"]]),
                Cells.WholeNumber(cells[labels["townshipYears"]], "townshipYears", e));
            var canLead = Cells.YesNo(cells[labels["canLead"]], "canLead", e);
            var available = Cells.YesNo(cells[labels["available"]], "available", e);
            var data = PersonRules.Person(input, user, regions, today, e);
            if (!e.Has("idNumber"))
            {
                if (seen.TryGetValue(data.IdNumber, out var first))
                {
                    e.Add("idNumber", PeopleTexts.DuplicateInFile(first));
                }
                else
                {
                    seen[data.IdNumber] = cells.Number;
                }
            }

            rows.Add(new Row(cells.Number, data, available, canLead));
        }

        return rows;
    }

    private static Dictionary<string, List<WorkData>> ReadWorks(
        WorkbookReader reader, Dictionary<string, Row> people, HashSet<string> examples, RegionDirectory regions, DateOnly today, List<ImportError> errors)
    {
        var result = new Dictionary<string, List<WorkData>>();
        var labels = PersonRules.WorkLabels;
        foreach (var cells in reader.Read(PeopleWorkbook.WorksSheet, PeopleWorkbook.WorkColumns, errors))
        {
            if (examples.Contains(cells.Text(labels["idNumber"]).ToUpperInvariant()))
            {
                continue;
            }

            var e = new RowErrors(errors, reader.FileName, PeopleWorkbook.WorksSheet, cells.Number, labels);
            var owner = Owner(cells, labels["idNumber"], "idNumber", people, e);
            var input = new WorkInput(
                cells.Text(labels["regionCode"]),
                cells.Text(labels["unit"]),
                Cells.Date(cells[labels["from"]], "from", e),
                Cells.Date(cells[labels["to"]], "to", e));
            var work = PersonRules.Work(input, regions, today, e, owner?.Data.RegionCode);
            if (owner is not null)
            {
                Add(result, owner.Data.IdNumber, work);
            }
        }

        return result;
    }

    private static Dictionary<string, List<RelativeData>> ReadRelatives(
        WorkbookReader reader, Dictionary<string, Row> people, HashSet<string> examples, RegionDirectory regions, DateOnly today, List<ImportError> errors)
    {
        var result = new Dictionary<string, List<RelativeData>>();
        var labels = PersonRules.RelativeLabels;
        foreach (var cells in reader.Read(PeopleWorkbook.RelativesSheet, PeopleWorkbook.RelativeColumns, errors))
        {
            if (examples.Contains(cells.Text(labels["personIdNumber"]).ToUpperInvariant()))
            {
                continue;
            }

            var e = new RowErrors(errors, reader.FileName, PeopleWorkbook.RelativesSheet, cells.Number, labels);
            var owner = Owner(cells, labels["personIdNumber"], "personIdNumber", people, e);
            var input = new RelativeInput(
                cells.Text(labels["name"]),
                cells.Text(labels["relation"]),
                Cells.IdText(cells[labels["idNumber"]], "idNumber", e),
                cells.Text(labels["villageCode"]),
                cells.Text(labels["position"]));
            var relative = PersonRules.Relative(input, regions, today, e, owner?.Data.RegionCode);
            if (owner is not null)
            {
                Add(result, owner.Data.IdNumber, relative);
            }
        }

        return result;
    }

    /// <summary>The 人员 row a works or relatives row belongs to, by the ID number in its first column.</summary>
    private static Row? Owner(SheetRow cells, string header, string field, Dictionary<string, Row> people, RowErrors e)
    {
        var raw = Cells.IdText(cells[header], field, e);
        if (e.Has(field))
        {
            return null;
        }

        var id = FieldRules.Clean(raw).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (id.Length == 0)
        {
            e.Add(field, PeopleTexts.Required);
            return null;
        }

        if (!people.TryGetValue(id, out var owner))
        {
            e.Add(field, PeopleTexts.NotInPeopleSheet(PeopleWorkbook.PeopleSheet));
            return null;
        }

        return owner;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T item)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(item);
    }
}
