using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Xuncha.Screening.Package;

/// <summary>
/// Appends column batches to a DuckDB table a data chunk (2,048 rows) at a time through DuckDB's C
/// API: numbers and dates are written straight into the chunk's vectors and nulls into its validity
/// mask, so there is no call per value. Text goes in as UTF-8: up to 12 bytes inline in the
/// 16-byte string slot (DuckDB's string_t layout), longer text through one call that copies it
/// into the vector; a value repeated from the row before reuses that row's slot. The per-value
/// Appender of DuckDB.NET took about twice as long as parsing the CSV.
/// </summary>
internal sealed unsafe class ChunkAppender : IDisposable
{
    private const int InlineBytes = 12;
    private static readonly int ChunkRows = (int)NativeMethods.Helpers.DuckDBVectorSize();
    private static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    private readonly DuckDB.NET.Native.DuckDBAppender appender;
    private readonly DuckDBDataChunk chunk;
    private readonly DuckDBLogicalType[] types;
    private readonly string table;
    private byte[] utf8 = new byte[256];
    private bool closed;

    public ChunkAppender(DuckDBConnection db, string table)
    {
        this.table = table;
        if (NativeMethods.Appender.DuckDBAppenderCreate(db.NativeConnection, null, table, out appender) != DuckDBState.Success)
        {
            throw new InvalidOperationException($"cannot append to {table}: {Error()}");
        }

        var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(appender);
        types = new DuckDBLogicalType[count];
        var handles = new IntPtr[count];
        for (var i = 0; i < count; i++)
        {
            types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(appender, (ulong)i);
            handles[i] = types[i].DangerousGetHandle();
        }

        chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)count);
    }

    /// <summary>Appends rows [0, rows) of the given columns, in table column order.</summary>
    public void Append(IReadOnlyList<StoredColumn> columns, int rows)
    {
        if (columns.Count != types.Length)
        {
            throw new InvalidOperationException($"{table} has {types.Length} columns, {columns.Count} given");
        }

        for (var from = 0; from < rows; from += ChunkRows)
        {
            var n = Math.Min(ChunkRows, rows - from);
            for (var c = 0; c < columns.Count; c++)
            {
                var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, c);
                NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(vector);
                var data = NativeMethods.Vectors.DuckDBVectorGetData(vector);
                var validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
                Write(columns[c], vector, data, validity, from, n);
            }

            NativeMethods.DataChunks.DuckDBDataChunkSetSize(chunk, (ulong)n);
            var state = NativeMethods.Appender.DuckDBAppendDataChunk(appender, chunk);
            NativeMethods.DataChunks.DuckDBDataChunkReset(chunk);
            if (state != DuckDBState.Success)
            {
                throw new InvalidOperationException($"cannot append to {table}: {Error()}");
            }
        }
    }

    private void Write(StoredColumn column, IntPtr vector, void* data, ulong* validity, int from, int n)
    {
        switch (column.Values)
        {
            case string?[] text:
                WriteText(text, vector, (byte*)data, validity, from, n);
                break;
            case DateOnly?[] dates:
                for (var i = 0; i < n; i++)
                {
                    if (dates[from + i] is { } d)
                    {
                        ((int*)data)[i] = d.DayNumber - EpochDay;
                    }
                    else
                    {
                        SetNull(validity, i);
                    }
                }

                break;
            case decimal?[] amounts:
                // DECIMAL(18,2) is stored as a 64-bit count of cents.
                for (var i = 0; i < n; i++)
                {
                    if (amounts[from + i] is { } m)
                    {
                        ((long*)data)[i] = (long)(m * 100m);
                    }
                    else
                    {
                        SetNull(validity, i);
                    }
                }

                break;
            case int?[] numbers:
                for (var i = 0; i < n; i++)
                {
                    if (numbers[from + i] is { } x)
                    {
                        ((int*)data)[i] = x;
                    }
                    else
                    {
                        SetNull(validity, i);
                    }
                }

                break;
            case int[] numbers:
                new ReadOnlySpan<int>(numbers, from, n).CopyTo(new Span<int>(data, n));
                break;
            case double?[] reals:
                for (var i = 0; i < n; i++)
                {
                    if (reals[from + i] is { } x)
                    {
                        ((double*)data)[i] = x;
                    }
                    else
                    {
                        SetNull(validity, i);
                    }
                }

                break;
            case bool?[] flags:
                for (var i = 0; i < n; i++)
                {
                    if (flags[from + i] is { } b)
                    {
                        ((byte*)data)[i] = b ? (byte)1 : (byte)0;
                    }
                    else
                    {
                        SetNull(validity, i);
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"{table}: no writer for {column.Values.GetType().Name}");
        }
    }

    private void WriteText(string?[] values, IntPtr vector, byte* slots, ulong* validity, int from, int n)
    {
        string? previous = null;
        for (var i = 0; i < n; i++)
        {
            var s = values[from + i];
            var slot = slots + (i * 16);
            if (s is null)
            {
                SetNull(validity, i);
                previous = null;
                continue;
            }

            if (ReferenceEquals(s, previous))
            {
                // Same string as the row before (the reader reuses repeated values): same slot.
                *(Int128*)slot = *(Int128*)(slot - 16);
                continue;
            }

            previous = s;
            var max = Encoding.UTF8.GetMaxByteCount(s.Length);
            if (max > utf8.Length)
            {
                utf8 = new byte[Math.Max(max, utf8.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(s, utf8);
            if (length <= InlineBytes)
            {
                *(Int128*)slot = 0;
                *(uint*)slot = (uint)length;
                new ReadOnlySpan<byte>(utf8, 0, length).CopyTo(new Span<byte>(slot + 4, InlineBytes));
            }
            else
            {
                fixed (byte* p = utf8)
                {
                    // .NET's encoder always produces valid UTF-8, so DuckDB need not check it again.
                    NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(vector, (ulong)i, p, length);
                }
            }
        }
    }

    private static void SetNull(ulong* validity, int row) => validity[row >> 6] &= ~(1UL << (row & 63));

    private string Error()
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(appender);
        return error.Message ?? "unknown error";
    }

    public void Dispose()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        var state = NativeMethods.Appender.DuckDBAppenderClose(appender);
        var message = state == DuckDBState.Success ? null : Error();
        chunk.Dispose();
        foreach (var type in types)
        {
            type.Dispose();
        }

        appender.Dispose();
        if (message is not null)
        {
            throw new InvalidOperationException($"cannot append to {table}: {message}");
        }
    }
}

/// <summary>One column as the appender takes it: a typed array (string?[], DateOnly?[], decimal?[], int?[], int[], double?[], bool?[]).</summary>
internal readonly record struct StoredColumn(Array Values);
