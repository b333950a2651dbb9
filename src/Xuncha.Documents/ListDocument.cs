namespace Xuncha.Documents;

/// <summary>A list (清单): a title, a line under it (e.g. village and round), columns and rows keyed by column.</summary>
public sealed record ListDocument(string Title, IReadOnlyList<ListColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public string? Subtitle { get; init; }

    /// <summary>A line under the table, e.g. "注：金额单位为元。".</summary>
    public string? Note { get; init; }

    /// <summary>A row's cell for a column; a key the row lacks is an empty cell.</summary>
    public static string Cell(IReadOnlyDictionary<string, string> row, ListColumn column) =>
        row.TryGetValue(column.Key, out var value) ? value : "";
}

/// <summary>A column: its key in the rows, its header and its width relative to the other columns.</summary>
public sealed record ListColumn(string Key, string Header, double Width = 1)
{
    public double Width { get; } = Width > 0 ? Width : throw new ArgumentOutOfRangeException(nameof(Width), Width, "width must be positive");
}
