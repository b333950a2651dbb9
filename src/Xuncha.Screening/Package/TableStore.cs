using DuckDB.NET.Data;

namespace Xuncha.Screening.Package;

/// <summary>
/// How a table is kept in DuckDB: its columns in spec order, except that voucher lines go to
/// entry_lines with their account as a number (acct) into entry_accounts; a view named entries
/// puts the lines back together. Every table ends with _line, the row's line in its file.
/// </summary>
internal sealed record TableLayout(string Stored, int[] Columns, bool Accounts)
{
    private static readonly string[] AccountColumns = ["account_code", "account_name"];

    public static TableLayout Of(TableSpec table) => table == PackageSchema.Entries
        ? new("entry_lines", Indexes(table).Where(i => !AccountColumns.Contains(table.Columns[i].Key)).ToArray(), true)
        : new(table.Name, Indexes(table).ToArray(), false);

    private static IEnumerable<int> Indexes(TableSpec table) => Enumerable.Range(0, table.Columns.Count);
}

/// <summary>Appends parsed batches to a table as its <see cref="TableLayout"/> says.</summary>
internal sealed class TableStore : IDisposable
{
    private readonly DuckDBConnection db;
    private readonly TableSpec table;
    private readonly TableLayout layout;
    private readonly ChunkAppender appender;
    private readonly AccountBook? accounts;
    private readonly int village;
    private readonly int code;
    private readonly int name;

    public TableStore(DuckDBConnection db, TableSpec table)
    {
        this.db = db;
        this.table = table;
        layout = TableLayout.Of(table);
        appender = new ChunkAppender(db, layout.Stored);
        if (layout.Accounts)
        {
            accounts = new AccountBook();
            village = Index("village_code");
            code = Index("account_code");
            name = Index("account_name");
        }
    }

    public long Rows { get; private set; }

    public void Append(ColumnBatch batch)
    {
        var columns = new List<StoredColumn>(layout.Columns.Length + 2);
        columns.AddRange(layout.Columns.Select(i => new StoredColumn(batch.Columns[i])));
        if (accounts is not null)
        {
            var villages = (string?[])batch.Columns[village];
            var codes = (string?[])batch.Columns[code];
            var names = (string?[])batch.Columns[name];
            var numbers = new int[batch.Rows];
            for (var r = 0; r < batch.Rows; r++)
            {
                numbers[r] = accounts.Number(villages[r]!, codes[r]!, names[r]);
            }

            columns.Add(new StoredColumn(numbers));
        }

        columns.Add(new StoredColumn(batch.Lines));
        appender.Append(columns, batch.Rows);
        Rows += batch.Rows;
    }

    /// <summary>After the last batch: the accounts the lines refer to.</summary>
    public void Complete()
    {
        appender.Dispose();
        if (accounts is null || accounts.Count == 0)
        {
            return;
        }

        using var book = new ChunkAppender(db, "entry_accounts");
        var numbers = Enumerable.Range(0, accounts.Count).ToArray();
        book.Append(
        [
            new StoredColumn(numbers),
            new StoredColumn(accounts.Villages.ToArray()),
            new StoredColumn(accounts.Codes.ToArray()),
            new StoredColumn(accounts.Names.ToArray()),
        ], accounts.Count);
    }

    public void Dispose() => appender.Dispose();

    private int Index(string key) => table.Columns.ToList().FindIndex(c => c.Key == key);
}
