using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Xuncha.Documents;

/// <summary>Writes a <see cref="ListDocument"/> as .docx: 小标宋 title, a table whose header repeats on every page, page numbers.</summary>
public static class ListDocxWriter
{
    /// <summary>Lists with more columns than this are printed on landscape A4.</summary>
    public const int PortraitMaxColumns = 5;

    public static bool IsLandscape(ListDocument list) => list.Columns.Count > PortraitMaxColumns;

    public static void Write(ListDocument list, Stream output)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = list.Title;
        var main = WordParts.Start(package);
        var body = main.Document.Body!;
        var landscape = IsLandscape(list);
        // Landscape turns the portrait page a quarter: the 37 mm top margin becomes the left (binding) edge.
        var (width, height) = landscape ? (GbLayout.PageHeight, GbLayout.PageWidth) : (GbLayout.PageWidth, GbLayout.PageHeight);
        var (top, bottom, left, right) = landscape
            ? (GbLayout.MarginLeft, GbLayout.MarginRight, GbLayout.MarginTop, GbLayout.MarginBottom)
            : (GbLayout.MarginTop, GbLayout.MarginBottom, GbLayout.MarginLeft, GbLayout.MarginRight);

        body.Append(WordParts.Paragraph(WordParts.TitleStyle, list.Title));
        if (!string.IsNullOrWhiteSpace(list.Subtitle))
        {
            body.Append(WordParts.Paragraph(WordParts.SubtitleStyle, list.Subtitle));
        }

        body.Append(WordParts.Paragraph(WordParts.TableTextStyle, ""));
        body.Append(WordTables.Create(list.Columns, list.Rows, width - left - right));
        body.Append(WordParts.Paragraph(WordParts.TableTextStyle, list.Note ?? ""));

        var section = new SectionProperties();
        foreach (var footer in WordParts.PageNumberFooters(main))
        {
            section.Append(footer);
        }

        var size = new PageSize { Width = (uint)width, Height = (uint)height };
        if (landscape)
        {
            size.Orient = PageOrientationValues.Landscape;
        }

        section.Append(
            size,
            new PageMargin
            {
                Top = top, Bottom = bottom, Left = (uint)left, Right = (uint)right,
                Header = GbLayout.HeaderDistance, Footer = GbLayout.FooterDistance, Gutter = 0,
            },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = GbLayout.LinePitch });
        body.Append(section);
        main.Document.Save();
    }
}
