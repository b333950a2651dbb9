using DocumentFormat.OpenXml.Wordprocessing;

namespace Xuncha.Documents;

/// <summary>A bordered table of fixed layout whose header row repeats on every page.</summary>
internal static class WordTables
{
    public static Table Create(IReadOnlyList<ListColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, int width)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("a table needs at least one column", nameof(columns));
        }

        var widths = Widths(columns, width);
        var border = () => new BorderType[]
        {
            new TopBorder(), new LeftBorder(), new BottomBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder(),
        };
        var borders = new TableBorders();
        foreach (var b in border())
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            b.Color = "000000";
            borders.Append(b);
        }

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                borders,
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < columns.Count; i++)
        {
            header.Append(Cell(columns[i].Header, widths[i], WordParts.TableHeaderStyle));
        }

        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < columns.Count; i++)
            {
                tr.Append(Cell(ListDocument.Cell(row, columns[i]), widths[i], WordParts.TableTextStyle));
            }

            table.Append(tr);
        }

        return table;
    }

    /// <summary>Relative widths to twips that add up to the table width exactly.</summary>
    public static int[] Widths(IReadOnlyList<ListColumn> columns, int width)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => (int)Math.Floor(width * c.Width / total)).ToArray();
        widths[^1] += width - widths.Sum();
        return widths;
    }

    private static TableCell Cell(string text, int width, string style)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
        // A line break in a cell is a new paragraph, so multi-line text (e.g. several people) stays readable.
        foreach (var line in text.Split('\n'))
        {
            cell.Append(WordParts.Paragraph(style, line.TrimEnd('\r')));
        }

        return cell;
    }
}
