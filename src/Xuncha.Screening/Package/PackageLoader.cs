using DuckDB.NET.Data;

namespace Xuncha.Screening.Package;

public sealed record LoadedPackage(
    IReadOnlyDictionary<string, long> RowsPerTable,
    IReadOnlySet<string> Tables,
    IReadOnlyList<string> Notes);

/// <summary>
/// Reads every table of a package, checks every cell and bulk-loads the good rows into DuckDB
/// with the Appender. All bad rows are collected; if there is any, the caller throws the
/// whole scratch database away (all-or-nothing).
/// </summary>
public static class PackageLoader
{
    public static LoadedPackage Load(string path, DuckDBConnection db)
    {
        var (sources, errors) = PackageSource.Open(path);
        var rows = new Dictionary<string, long>();
        var notes = new List<string>();
        foreach (var table in PackageSchema.Tables)
        {
            CreateTable(db, table);
        }

        foreach (var source in sources)
        {
            var before = errors.Count;
            try
            {
                rows[source.Table.Name] = Engine.Trace.Step("load " + source.Table.Name, () => LoadTable(source, db, errors, notes));
            }
            catch (UnreadableTableException ex)
            {
                errors.Add(ex.Error);
            }
            catch (System.Text.DecoderFallbackException)
            {
                if (source.InvalidUtf8Line() is { } line)
                {
                    // The start is UTF-8 with Chinese in it: a bad byte further on is damage, not GB18030.
                    errors.Add(new PackageError(source.DisplayName, line, "",
                        "文件按 UTF-8 读取，但这一行有不是 UTF-8 的字节：文件可能已损坏，请重新导出后再导入"));
                    continue;
                }

                // Valid UTF-8 (plain ASCII) at the start, not further on: read the whole file again as GB18030.
                errors.RemoveRange(before, errors.Count - before);
                Exec(db, $"DELETE FROM {TableLayout.Of(source.Table).Stored}");
                source.UseGb18030();
                rows[source.Table.Name] = LoadTable(source, db, errors, notes);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidPackageException(errors);
        }

        return new LoadedPackage(rows, rows.Keys.ToHashSet(), notes);
    }

    private static void CreateTable(DuckDBConnection db, TableSpec table)
    {
        var layout = TableLayout.Of(table);
        var columns = layout.Columns.Select(i => $"\"{table.Columns[i].Key}\" {table.Columns[i].DuckType}");
        if (layout.Accounts)
        {
            columns = columns.Append("acct INTEGER");
        }

        Exec(db, $"CREATE OR REPLACE TABLE {layout.Stored} ({string.Join(", ", columns.Append("_line INTEGER"))})");
        if (layout.Accounts)
        {
            Exec(db, "CREATE OR REPLACE TABLE entry_accounts (acct INTEGER, village_code VARCHAR, account_code VARCHAR, account_name VARCHAR)");
            var shape = string.Join(", ", table.Columns.Select(c => c.Key is "account_code" or "account_name" ? $"a.{c.Key}" : $"l.\"{c.Key}\""));
            Exec(db, $"CREATE OR REPLACE VIEW {table.Name} AS SELECT {shape}, l._line FROM {layout.Stored} l JOIN entry_accounts a ON a.acct = l.acct");
        }
    }

    private static void Exec(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long LoadTable(ITableSource source, DuckDBConnection db, List<PackageError> errors, List<string> notes)
    {
        var table = source.Table;
        var headers = source.Headers;
        var map = new int[table.Columns.Count];
        Array.Fill(map, -1);
        var unknown = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var h = PackageSchema.NormalizeHeader(headers[i]);
            if (h.Length == 0)
            {
                continue;
            }

            var index = FindColumn(table, h);
            if (index < 0)
            {
                unknown.Add(headers[i].Trim());
            }
            else if (map[index] >= 0)
            {
                errors.Add(new PackageError(source.DisplayName, 1, table.Columns[index].Label, $"列重复：「{headers[map[index]].Trim()}」和「{headers[i].Trim()}」是同一列"));
            }
            else
            {
                map[index] = i;
            }
        }

        if (unknown.Count > 0)
        {
            notes.Add($"{source.DisplayName}：未识别的列已保留为附加信息，不参与筛查：{string.Join("、", unknown)}");
        }

        var missing = table.Columns.Where((c, i) => c.Required && map[i] < 0).ToList();
        foreach (var c in missing)
        {
            errors.Add(new PackageError(source.DisplayName, 1, c.Label, $"缺少必需的列 {c.Key}（{c.Chinese}）"));
        }

        if (missing.Count > 0)
        {
            return 0;
        }

        using var fast = source.OpenFast();
        return fast is null
            ? LoadCells(source, map, db, errors)
            : LoadCsv(source, fast, map, db, errors);
    }

    /// <summary>
    /// CSV: one thread parses into typed column batches while this one appends them to DuckDB.
    /// After the first bad row nothing more is sent; parsing goes on only to list every bad row.
    /// </summary>
    private static long LoadCsv(ITableSource source, FastCsvReader csv, int[] map, DuckDBConnection db, List<PackageError> errors)
    {
        var table = source.Table;
        var unique = UniqueKey(table);
        var seen = new Dictionary<string, int>();
        var queue = new System.Collections.Concurrent.BlockingCollection<ColumnBatch>(boundedCapacity: 4);
        var cache = new string?[table.Columns.Count];
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new ColumnBatch(table);
                while (csv.Read())
                {
                    var row = batch.Rows;
                    var ok = true;
                    for (var i = 0; i < map.Length; i++)
                    {
                        var raw = map[i] >= 0 ? csv[map[i]] : default;
                        if (!TypedColumns.TryParse(table.Columns[i], raw, batch.Columns[i], row, ref cache[i], out var reason))
                        {
                            errors.Add(new PackageError(source.DisplayName, csv.RecordLine, table.Columns[i].Label, reason!));
                            ok = false;
                        }
                    }

                    if (ok && unique is not null && !IsFirst(unique, batch, row, csv.RecordLine, seen, source, errors))
                    {
                        ok = false;
                    }

                    if (!ok || errors.Count > 0)
                    {
                        continue;
                    }

                    batch.Lines[row] = csv.RecordLine;
                    batch.Rows++;
                    if (batch.Rows == ColumnBatch.Size)
                    {
                        queue.Add(batch);
                        batch = new ColumnBatch(table);
                    }
                }

                if (batch.Rows > 0 && errors.Count == 0)
                {
                    queue.Add(batch);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        var store = new TableStore(db, table);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                store.Append(batch);
            }

            // A decoding failure surfaces here, before the accounts are written: the retry starts clean.
            producer.GetAwaiter().GetResult();
            store.Complete();
        }
        finally
        {
            store.Dispose();
        }

        return store.Rows;
    }

    private static bool IsFirst(int[] unique, ColumnBatch batch, int row, int line, Dictionary<string, int> seen, ITableSource source, List<PackageError> errors)
    {
        var key = string.Join('\u001f', unique.Select(i => batch.Columns[i].GetValue(row)));
        if (seen.TryGetValue(key, out var first))
        {
            var last = unique[^1];
            errors.Add(new PackageError(source.DisplayName, line, source.Table.Columns[last].Label,
                $"「{batch.Columns[last].GetValue(row)}」在同一村社重复（第一次出现在第 {first} 行）"));
            return false;
        }

        seen[key] = line;
        return true;
    }

    /// <summary>Spreadsheets: cells arrive as objects (numbers, dates, text) and are converted one by one.</summary>
    private static long LoadCells(ITableSource source, int[] map, DuckDBConnection db, List<PackageError> errors)
    {
        var table = source.Table;
        var unique = UniqueKey(table);
        var seen = new Dictionary<string, int>();
        var values = new object?[table.Columns.Count];
        using var store = new TableStore(db, table);
        var batch = new ColumnBatch(table);
        foreach (var (line, cells) in source.Rows())
        {
            var ok = true;
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                var cell = map[i] >= 0 && map[i] < cells.Count ? cells[map[i]] : null;
                if (!CellParser.TryParse(column, cell, out values[i], out var reason))
                {
                    errors.Add(new PackageError(source.DisplayName, line, column.Label, reason!));
                    ok = false;
                }
            }

            if (ok && unique is not null)
            {
                var key = string.Join('\u001f', unique.Select(i => values[i]));
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(new PackageError(source.DisplayName, line, table.Columns[unique[^1]].Label,
                        $"「{values[unique[^1]]}」在同一村社重复（第一次出现在第 {first} 行）"));
                    ok = false;
                }
                else
                {
                    seen[key] = line;
                }
            }

            if (!ok || errors.Count > 0)
            {
                continue;
            }

            for (var i = 0; i < values.Length; i++)
            {
                batch.Columns[i].SetValue(values[i], batch.Rows);
            }

            batch.Lines[batch.Rows++] = line;
            if (batch.Rows == ColumnBatch.Size)
            {
                store.Append(batch);
                batch = new ColumnBatch(table);
            }
        }

        if (batch.Rows > 0 && errors.Count == 0)
        {
            store.Append(batch);
        }

        store.Complete();
        return store.Rows;
    }

    private static int FindColumn(TableSpec table, string normalizedHeader)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var c = table.Columns[i];
            if (PackageSchema.NormalizeHeader(c.Key) == normalizedHeader || PackageSchema.NormalizeHeader(c.Chinese) == normalizedHeader)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Keys the spec says are unique: a village's code, a contract number within its village.</summary>
    private static int[]? UniqueKey(TableSpec table) => table.Name switch
    {
        "villages" => [0],
        "contracts" => [0, 1],
        _ => null,
    };
}
