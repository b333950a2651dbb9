using Xuncha.Core.Features.Findings;
using Xuncha.Documents;

namespace Xuncha.Core.Features.Documents;

/// <summary>Decrypted clue text for the clue list; only ever built for <see cref="FindingAccess.ClueReaders"/>.</summary>
public sealed record ClueText(string Content, string Persons);

/// <summary>The four lists (四清单) from a round's or a village's findings.</summary>
public static class ListComposer
{
    /// <param name="clueTexts">Clue content by finding; null when the user may not read clues: the protected columns are then left out.</param>
    public static ListDocument Compose(ListSetting setting, DocumentData data, DocumentSettings settings, IReadOnlyDictionary<Guid, ClueText>? clueTexts)
    {
        var columns = DocumentColumns.Resolve(setting).Where(c => clueTexts is not null || !DocumentColumns.Protected.Contains(c.Key)).ToList();
        if (!data.IsVillage && columns.All(c => c.Key != "village"))
        {
            // A round's list spans villages: say which one each row is about.
            columns.Insert(columns.FindIndex(c => c.Key == "no") + 1, DocumentColumns.Known[setting.Key].Single(c => c.Key == "village"));
        }

        var rows = setting.Key switch
        {
            DocumentColumns.Problems => data.Findings.Select(ProblemRow),
            DocumentColumns.Responsibilities => data.Findings.Select(f => ResponsibilityRow(f, settings)),
            DocumentColumns.Tasks => TaskRows(data),
            DocumentColumns.Clues => data.Findings.Where(f => f.Clue is not null).Select(f => ClueRow(f, clueTexts)),
            _ => throw new InvalidOperationException(DocumentTexts.UnknownList(setting.Key)),
        };
        var numbered = rows.Select((row, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(row) { ["no"] = (i + 1).ToString() }).ToList();
        var village = data.Village;
        return new ListDocument(setting.Title, columns, numbered)
        {
            Subtitle = village is null ? data.Round.Name : $"{village.TownshipName}{village.Name}　{data.Round.Name}",
            Note = setting.Key switch
            {
                DocumentColumns.Problems => DocumentTexts.AmountNote,
                DocumentColumns.Tasks => DocumentTexts.TasksNote,
                DocumentColumns.Clues when clueTexts is null => DocumentTexts.ClueHiddenNote,
                _ => null,
            },
        };
    }

    private static Dictionary<string, string> Common(DocumentFinding f) => new()
    {
        ["village"] = f.TownshipName + f.VillageName,
        ["problem"] = f.Finding.Title,
        ["category"] = string.Join("／", new[] { f.Finding.CategoryL1, f.Finding.CategoryL2 }.OfType<string>()),
    };

    private static Dictionary<string, string> ProblemRow(DocumentFinding f)
    {
        var row = Common(f);
        var description = f.Finding.Description.Trim();
        row["description"] = description.Length == 0 ? f.Finding.Title : $"{f.Finding.Title}：{description}";
        row["amount"] = f.Finding.Amount is { } amount ? DocumentTexts.Money(amount) : "";
        row["recovered"] = f.Recovered > 0 ? DocumentTexts.Money(f.Recovered) : "";
        row["source"] = FindingTexts.SourceName(f.Finding.Source);
        row["onTheSpot"] = f.Finding.RectifiedOnTheSpot ? DocumentTexts.Yes : DocumentTexts.No;
        row["status"] = FindingTexts.StatusName(f.Finding.Status);
        return row;
    }

    private static Dictionary<string, string> ResponsibilityRow(DocumentFinding f, DocumentSettings settings)
    {
        var row = Common(f);
        var people = f.Finding.ResponsiblePeople.Trim();
        row["responsible"] = people;
        row["responsibilityType"] = people.Length == 0 ? "" : settings.EffectiveLeaderWords.Any(people.Contains) ? "领导责任" : "直接责任";
        return row;
    }

    /// <summary>
    /// 整改任务清单: one row per rectification task with its measures, owners (in the configured order of the four kinds)
    /// and deadline; a finding without a task yet gets one row with the village party organisation as owner.
    /// </summary>
    private static IEnumerable<Dictionary<string, string>> TaskRows(DocumentData data) => data.Findings.SelectMany(f =>
    {
        var tasks = data.Tasks.Where(t => t.FindingId == f.Finding.Id).ToList();
        if (tasks.Count == 0)
        {
            var row = Common(f);
            row["measures"] = "";
            row["owner"] = $"{f.VillageName}党组织";
            row["deadline"] = "";
            return [row];
        }

        var order = Rectification.RectificationSettings.DefaultOwnerKinds.Select(k => k.Key).ToList();
        return tasks.Select(t =>
        {
            var row = Common(f);
            row["measures"] = t.Measures;
            row["owner"] = string.Join("、", t.Owners.OrderBy(o => order.IndexOf(o.Kind) is var i and >= 0 ? i : 99).Select(o => o.UnitName));
            row["deadline"] = ChineseNumerals.Date(t.Deadline);
            return row;
        });
    });

    private static Dictionary<string, string> ClueRow(DocumentFinding f, IReadOnlyDictionary<Guid, ClueText>? texts)
    {
        var clue = f.Clue!;
        var row = Common(f);
        row["transferredOn"] = ChineseNumerals.Date(clue.TransferredOn);
        row["toUnit"] = clue.ToUnit;
        row["status"] = FindingTexts.ClueStatusName(clue.Status);
        if (texts?.GetValueOrDefault(f.Finding.Id) is { } text)
        {
            row["content"] = text.Content;
            row["persons"] = text.Persons;
        }

        return row;
    }
}
