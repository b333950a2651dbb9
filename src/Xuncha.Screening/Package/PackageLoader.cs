using System.Globalization;
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
            rows[source.Table.Name] = LoadTable(source, db, errors, notes);
        }

        if (errors.Count > 0)
        {
            throw new InvalidPackageException(errors);
        }

        return new LoadedPackage(rows, rows.Keys.ToHashSet(), notes);
    }

    private static void CreateTable(DuckDBConnection db, TableSpec table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Key}\" {c.DuckType}").Append("_line INTEGER"));
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"CREATE OR REPLACE TABLE {table.Name} ({columns})";
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

        var unique = UniqueKey(table);
        var seen = new Dictionary<string, int>();
        long count = 0;
        var values = new object?[table.Columns.Count];
        using var appender = db.CreateAppender(table.Name);
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
                // Once anything is wrong nothing will be kept; go on only to find every bad row.
                continue;
            }

            var row = appender.CreateRow();
            for (var i = 0; i < values.Length; i++)
            {
                Append(row, values[i]);
            }

            row.AppendValue(line).EndRow();
            count++;
        }

        return count;
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

    private static void Append(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null:
                row.AppendNullValue();
                break;
            case string s:
                row.AppendValue(s);
                break;
            case DateOnly d:
                row.AppendValue((DateOnly?)d);
                break;
            case decimal m:
                row.AppendValue((decimal?)m);
                break;
            case int n:
                row.AppendValue((int?)n);
                break;
            case double x:
                row.AppendValue((double?)x);
                break;
            case bool b:
                row.AppendValue((bool?)b);
                break;
            default:
                row.AppendValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
