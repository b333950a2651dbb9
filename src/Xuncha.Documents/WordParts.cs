using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Xuncha.Documents;

/// <summary>What every document Xuncha writes shares: the styles, the font table, the settings and the page-number footers.</summary>
internal static class WordParts
{
    public const string TitleStyle = "DocTitle";
    public const string SubtitleStyle = "DocSubtitle";
    public const string BodyStyle = "DocBody";
    public const string AddresseeStyle = "DocAddressee";
    public const string SignatureStyle = "DocSignature";
    public const string TableTextStyle = "DocTableText";
    public const string TableHeaderStyle = "DocTableHeader";
    public const string PageNumberStyle = "DocPageNumber";
    public static string HeadingStyle(int level) => "DocHeading" + level;

    public static MainDocumentPart Start(WordprocessingDocument document)
    {
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body());
        main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.Create();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = (short)(GbLayout.Char(GbLayout.Size3) * 2) },
            new EvenAndOddHeaders(),
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });
        document.PackageProperties.Language = "zh-CN";
        return main;
    }

    /// <summary>Page numbers "— 1 —" in 4号宋体: odd pages on the right, even pages on the left, one character in from the edge.</summary>
    public static IEnumerable<FooterReference> PageNumberFooters(MainDocumentPart main)
    {
        var odd = main.AddNewPart<FooterPart>();
        odd.Footer = new Footer(PageNumber(JustificationValues.Right));
        var even = main.AddNewPart<FooterPart>();
        even.Footer = new Footer(PageNumber(JustificationValues.Left));
        yield return new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) };
        yield return new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) };
    }

    private static Paragraph PageNumber(JustificationValues side)
    {
        var indent = side == JustificationValues.Right
            ? new Indentation { Right = GbLayout.Char(GbLayout.Size4).ToString() }
            : new Indentation { Left = GbLayout.Char(GbLayout.Size4).ToString() };
        return new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = PageNumberStyle }, indent, new Justification { Val = side }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve }));
    }

    public static Paragraph Paragraph(string style, string text, params OpenXmlElement[] extra)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        foreach (var element in extra)
        {
            properties.Append(element);
        }

        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    public static RunFonts FontsOf(string name) =>
        new() { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name, Hint = FontTypeHintValues.EastAsia };

    private static Fonts FontTable()
    {
        var fonts = new Fonts();
        foreach (var (name, alt, roman) in GbFonts.Declared)
        {
            fonts.Append(new Font(
                new AltName { Val = alt },
                new FontCharSet { Val = "86" },
                new FontFamily { Val = roman ? FontFamilyValues.Roman : FontFamilyValues.Modern },
                new Pitch { Val = FontPitchValues.Variable }) { Name = name });
        }

        return fonts;
    }
}
