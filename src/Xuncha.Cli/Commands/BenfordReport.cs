using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Xuncha.Screening.Benford;

namespace Xuncha.Cli.Commands;

/// <summary>Where the numbers came from, for the printed report.</summary>
internal sealed record BenfordSource(string Path, string Column, decimal Min, int EmptyCells, int InvalidCells);

internal static class BenfordReport
{
    /// <summary>
    /// The --json contract: one line, keys n, mad, chi_square, conformity in that order. MAD is
    /// rounded to 6 decimals and chi-square to 4, written without exponent or trailing zeros.
    /// </summary>
    public static string JsonLine(BenfordResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("n", result.N);
            writer.WritePropertyName("mad");
            writer.WriteRawValue(Plain(result.Mad, 6));
            writer.WritePropertyName("chi_square");
            writer.WriteRawValue(Plain(result.ChiSquare, 4));
            writer.WriteString("conformity", result.Conformity.English());
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(IAnsiConsole console, BenfordResult result, BenfordSource source)
    {
        console.Write(new Rule(Markup.Escape(BenfordTexts.Title(result.Digits))).LeftJustified());
        console.WriteLine(BenfordTexts.Source(source.Path, source.Column));
        console.WriteLine(BenfordTexts.Sample(result.N, result.Ignored, source.Min, source.EmptyCells, source.InvalidCells));
        console.WriteLine(BenfordTexts.Statistics(result.Mad, result.ChiSquare, result.DegreesOfFreedom));
        var conformity = BenfordTexts.Conformity(result.Conformity.Chinese(), result.Conformity.English());
        console.MarkupLine($"[bold {ColorOf(result.Conformity)}]{Markup.Escape(conformity)}[/]");
        console.WriteLine(BenfordTexts.Criteria(BenfordConformityLevels.Bounds(result.Digits)));

        var flagCount = result.Digits == BenfordDigits.First ? 3 : 5;
        var flagged = result.MostDeviating(flagCount).Where(r => r.Z > BenfordAnalysis.SignificantZ).Select(r => r.Digit).ToHashSet();
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in BenfordTexts.TableHeaders)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(
                Invariant($"{row.Digit}"),
                Invariant($"{row.Count:N0}"),
                Invariant($"{row.Observed:0.00%}"),
                Invariant($"{row.Expected:0.00%}"),
                Invariant($"{row.Difference:+0.00%;-0.00%;0.00%}"),
                Invariant($"{row.Z:0.00}"),
                flagged.Contains(row.Digit) ? $"[red]{BenfordTexts.Flag}[/]" : "");
        }

        console.Write(table);
        console.WriteLine(BenfordTexts.FlagLegend(flagCount));
    }

    private static string Plain(double value, int decimals) =>
        Math.Round((decimal)value, decimals).ToString("0.############", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string ColorOf(BenfordConformity conformity) => conformity switch
    {
        BenfordConformity.Close => "green",
        BenfordConformity.Acceptable => "green",
        BenfordConformity.Marginal => "yellow",
        _ => "red",
    };
}
