using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Spectre.Console;
using Xuncha.Screening.Benford;
using Xuncha.Screening.Reading;

namespace Xuncha.Cli.Commands;

/// <summary>`xuncha benford FILE --column NAME [--digits 1|2] [--min 10] [--json]`.</summary>
internal static class BenfordCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = BenfordTexts.FileDescription };
        var column = new Option<string>("--column") { Description = BenfordTexts.ColumnDescription, Required = true };
        var digits = new Option<int>("--digits")
        {
            Description = BenfordTexts.DigitsDescription,
            HelpName = "1|2",
            DefaultValueFactory = _ => 1,
            CustomParser = ParseDigits,
        };
        var min = new Option<decimal>("--min")
        {
            Description = BenfordTexts.MinDescription,
            DefaultValueFactory = _ => BenfordAnalysis.DefaultMin,
            CustomParser = ParseMin,
        };
        var json = new Option<bool>("--json") { Description = BenfordTexts.JsonDescription };

        var command = new Command("benford", BenfordTexts.CommandDescription) { file, column, digits, min, json };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            parse.GetValue(column)!,
            (BenfordDigits)parse.GetValue(digits),
            parse.GetValue(min),
            parse.GetValue(json)));
        return command;
    }

    private static int Run(string path, string column, BenfordDigits digits, decimal min, bool json)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine(BenfordTexts.FileNotFound(path));
            return ExitCodes.Failed;
        }

        TableFile table;
        try
        {
            table = TableFile.Open(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.Failed;
        }

        var index = table.IndexOf(column);
        if (index < 0)
        {
            Console.Error.WriteLine(BenfordTexts.ColumnNotFound(path, column, table.Headers));
            return ExitCodes.Failed;
        }

        var cells = NumericColumn.Read(table, index);
        if (cells.InvalidCells.Count > 0)
        {
            // On stderr, so that --json output stays one line.
            Console.Error.WriteLine(BenfordTexts.SkippedCells(
                cells.InvalidCells.Count,
                cells.InvalidCells.Take(5).Select(c => BenfordTexts.CellExample(c.RowNumber, c.Text))));
        }

        var tally = BenfordAnalysis.Tally(cells.Values, digits, min);
        if (tally.N == 0)
        {
            Console.Error.WriteLine(BenfordTexts.NothingToAnalyse(path, table.Headers[index], min));
            return ExitCodes.Failed;
        }

        var result = BenfordAnalysis.Evaluate(tally);
        if (json)
        {
            Console.Out.WriteLine(BenfordReport.JsonLine(result));
        }
        else
        {
            BenfordReport.Write(AnsiConsole.Console, result, new(path, table.Headers[index], min, cells.EmptyCells, cells.InvalidCells.Count));
        }

        return ExitCodes.Ok;
    }

    private static int ParseDigits(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "1" : result.Tokens[0].Value;
        if (text is "1" or "2")
        {
            return text[0] - '0';
        }

        result.AddError(BenfordTexts.DigitsMustBe1Or2);
        return default;
    }

    private static decimal ParseMin(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return BenfordAnalysis.DefaultMin;
        }

        if (decimal.TryParse(result.Tokens[0].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        result.AddError(BenfordTexts.MinMustBeNumber);
        return default;
    }
}
