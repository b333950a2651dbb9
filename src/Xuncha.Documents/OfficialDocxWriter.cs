using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Xuncha.Documents;

/// <summary>Writes an <see cref="OfficialDocument"/> as .docx in the GB/T 9704-2012 layout.</summary>
public static class OfficialDocxWriter
{
    public static void Write(OfficialDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = document.Title;
        var main = WordParts.Start(package);
        var body = main.Document.Body!;

        body.Append(WordParts.Paragraph(WordParts.TitleStyle, document.Title));
        if (!string.IsNullOrWhiteSpace(document.Subtitle))
        {
            body.Append(WordParts.Paragraph(WordParts.SubtitleStyle, document.Subtitle));
        }

        // 标题下空一行 (GB/T 9704-2012 7.3.1 / 7.3.2).
        body.Append(WordParts.Paragraph(WordParts.BodyStyle, ""));
        if (!string.IsNullOrWhiteSpace(document.Addressee))
        {
            body.Append(WordParts.Paragraph(WordParts.AddresseeStyle, document.Addressee));
        }

        foreach (var block in document.Blocks)
        {
            body.Append(Block(block));
        }

        AppendAttachments(body, document.Attachments);
        if (document.Signature is { } signature)
        {
            body.Append(WordParts.Paragraph(WordParts.BodyStyle, ""));
            body.Append(WordParts.Paragraph(WordParts.SignatureStyle, signature.Organisation));
            body.Append(WordParts.Paragraph(WordParts.SignatureStyle, ChineseNumerals.Date(signature.Date)));
        }

        body.Append(Section(main));
        main.Document.Save();
    }

    private static IEnumerable<OpenXmlElement> Block(DocumentBlock block) => block switch
    {
        HeadingBlock h => [WordParts.Paragraph(WordParts.HeadingStyle(h.Level), h.Text)],
        TextBlock t => [WordParts.Paragraph(WordParts.BodyStyle, t.Text)],
        TableBlock t => [WordTables.Create(t.Columns, t.Rows, GbLayout.TextWidth), WordParts.Paragraph(WordParts.BodyStyle, "")],
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "unknown block"),
    };

    // 附件说明: 正文下空一行、左空二字编排"附件", 后标全角冒号和名称; 多个附件用阿拉伯数字标序号 (7.3.4).
    private static void AppendAttachments(Body body, IReadOnlyList<string> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        body.Append(WordParts.Paragraph(WordParts.BodyStyle, ""));
        var hanging = GbLayout.Char(GbLayout.Size3) * 3;
        for (var i = 0; i < attachments.Count; i++)
        {
            var text = (i == 0 ? "附件：" : "") + (attachments.Count > 1 ? $"{i + 1}." : "") + attachments[i];
            var indent = i == 0
                ? new Indentation { FirstLineChars = 200, FirstLine = (GbLayout.Char(GbLayout.Size3) * 2).ToString() }
                : new Indentation { LeftChars = 500, Left = (GbLayout.Char(GbLayout.Size3) * 2 + hanging).ToString(), FirstLineChars = 0, FirstLine = "0" };
            body.Append(WordParts.Paragraph(WordParts.BodyStyle, text, indent));
        }
    }

    private static SectionProperties Section(MainDocumentPart main)
    {
        var section = new SectionProperties();
        foreach (var footer in WordParts.PageNumberFooters(main))
        {
            section.Append(footer);
        }

        section.Append(
            new PageSize { Width = GbLayout.PageWidth, Height = GbLayout.PageHeight },
            new PageMargin
            {
                Top = GbLayout.MarginTop, Bottom = GbLayout.MarginBottom, Left = GbLayout.MarginLeft, Right = GbLayout.MarginRight,
                Header = GbLayout.HeaderDistance, Footer = GbLayout.FooterDistance, Gutter = 0,
            },
            // A line grid only: the 28 characters come from the condensed character spacing of the styles
            // (see WordStyles), because LibreOffice lays Word's compressed character grid out with fewer characters.
            new DocGrid { Type = DocGridValues.Lines, LinePitch = GbLayout.LinePitch });
        return section;
    }
}
