using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>
/// Imports the expert workbook all or nothing. An expert is matched by ID number when the row has
/// one, otherwise by name within the same pool; matched experts are updated, the others added.
/// </summary>
public sealed class ImportExpertsHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    private sealed record Row(int Number, ExpertData Data, bool? Available);

    public async Task<ImportResult> Handle(ImportWorkbook file, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManageExperts);
        var (reader, openError) = await WorkbookReader.OpenAsync(file.Content, file.FileName, ct);
        if (reader is null)
        {
            return ImportResult.Failed([openError!]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await RegionDirectory.LoadAsync(db, ct);
        var today = SavePersonHandler.ChinaToday(clock);
        var errors = new List<ImportError>();
        var rows = new List<Row>();
        try
        {
            if (!reader.Has(PeopleWorkbook.ExpertsSheet))
            {
                return ImportResult.Failed([new ImportError(reader.FileName, PeopleWorkbook.ExpertsSheet, 0, "", PeopleTexts.SheetMissing(PeopleWorkbook.ExpertsSheet))]);
            }

            var labels = ExpertRules.Labels;
            var seen = new Dictionary<string, int>();
            foreach (var cells in reader.Read(PeopleWorkbook.ExpertsSheet, PeopleWorkbook.ExpertColumns, errors))
            {
                if (PeopleWorkbook.IsExample(cells.Text(labels["name"])))
                {
                    continue;
                }

                var e = new RowErrors(errors, reader.FileName, PeopleWorkbook.ExpertsSheet, cells.Number, labels);
                var input = new ExpertInput(
                    cells.Text(labels["name"]),
                    cells.Text(labels["field"]),
                    cells.Text(labels["unit"]),
                    cells.Text(labels["title"]),
                    cells.Text(labels["phone"]),
                    Cells.IdText(cells[labels["idNumber"]], "idNumber", e),
                    cells.Text(labels["regionCode"]),
                    cells.Text(labels["homeVillageCode"]));
                var available = Cells.YesNo(cells[labels["available"]], "available", e);
                var data = ExpertRules.Expert(input, user, regions, today, e);
                var key = data.IdNumber ?? data.RegionCode + "|" + data.Name;
                if (!e.Any)
                {
                    if (seen.TryGetValue(key, out var first))
                    {
                        e.Add(data.IdNumber is null ? "name" : "idNumber", PeopleTexts.DuplicateInFile(first));
                    }
                    else
                    {
                        seen[key] = cells.Number;
                    }
                }

                rows.Add(new Row(cells.Number, data, available));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return ImportResult.Failed([new ImportError(reader.FileName, "", 0, "", PeopleTexts.ImportUnreadable(ex.Message))]);
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new ImportError(reader.FileName, PeopleWorkbook.ExpertsSheet, 0, "", PeopleTexts.SheetEmpty));
        }

        var ids = rows.Select(r => r.Data.IdNumber).OfType<string>().Distinct().ToList();
        var byId = await db.Experts.Where(e => e.IdNumber != null && ids.Contains(e.IdNumber)).ToDictionaryAsync(e => e.IdNumber!, ct);
        var pools = rows.Where(r => r.Data.IdNumber is null).Select(r => r.Data.RegionCode).Distinct().ToList();
        var byName = (await db.Experts.Where(e => pools.Contains(e.RegionCode)).ToListAsync(ct))
            .GroupBy(e => e.RegionCode + "|" + e.Name)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single());
        var matches = new Dictionary<Row, Expert>();
        foreach (var row in rows)
        {
            var match = row.Data.IdNumber is { } id ? byId.GetValueOrDefault(id) : byName.GetValueOrDefault(row.Data.RegionCode + "|" + row.Data.Name);
            if (match is null)
            {
                continue;
            }

            if (!user.Covers(match.RegionCode))
            {
                errors.Add(new ImportError(reader.FileName, PeopleWorkbook.ExpertsSheet, row.Number, ExpertRules.Labels["idNumber"],
                    PeopleTexts.OutsideScopeExisting(match.Name, regions.NameOf(match.RegionCode) + PeopleTexts.ExpertPool, user.ScopeName)));
            }

            matches[row] = match;
        }

        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        int inserted = 0, updated = 0;
        foreach (var row in rows)
        {
            if (matches.TryGetValue(row, out var expert))
            {
                updated++;
            }
            else
            {
                expert = new Expert { Id = Guid.NewGuid(), Name = row.Data.Name, Field = row.Data.Field, RegionCode = row.Data.RegionCode, Available = row.Available ?? true };
                db.Experts.Add(expert);
                inserted++;
            }

            ExpertRules.Apply(expert, row.Data, row.Available);
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(inserted, updated, 0, 0, [], PeopleTexts.ExpertImportDone(inserted, updated));
    }
}
