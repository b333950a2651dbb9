using DocumentFormat.OpenXml.Wordprocessing;

namespace Xuncha.Documents;

/// <summary>The named paragraph styles of 公文, so Word shows (and tests read back) 公文标题, 公文正文, 一级标题….</summary>
internal static class WordStyles
{
    public static Styles Create()
    {
        var styles = new Styles(Defaults());
        styles.Append(
            Style("Normal", "Normal", GbFonts.FangSong, GbLayout.Size3, isDefault: true),
            Style(WordParts.TitleStyle, "公文标题", GbFonts.XiaoBiaoSong, GbLayout.Size2, center: true, title: true, keepNext: true),
            Style(WordParts.SubtitleStyle, "公文副标题", GbFonts.KaiTi, GbLayout.Size3, center: true, keepNext: true),
            Style(WordParts.AddresseeStyle, "主送机关", GbFonts.FangSong, GbLayout.Size3),
            Style(WordParts.BodyStyle, "公文正文", GbFonts.FangSong, GbLayout.Size3, indentChars: 2),
            Style(WordParts.HeadingStyle(1), "一级标题", GbFonts.HeiTi, GbLayout.Size3, indentChars: 2, outline: 0, keepNext: true),
            Style(WordParts.HeadingStyle(2), "二级标题", GbFonts.KaiTi, GbLayout.Size3, indentChars: 2, outline: 1, keepNext: true),
            Style(WordParts.HeadingStyle(3), "三级标题", GbFonts.FangSong, GbLayout.Size3, indentChars: 2, outline: 2, keepNext: true),
            Style(WordParts.HeadingStyle(4), "四级标题", GbFonts.FangSong, GbLayout.Size3, indentChars: 2, outline: 3, keepNext: true),
            Style(WordParts.SignatureStyle, "署名日期", GbFonts.FangSong, GbLayout.Size3, right: true),
            Style(WordParts.TableTextStyle, "表格文字", GbFonts.FangSong, GbLayout.SizeSmall4, single: true),
            Style(WordParts.TableHeaderStyle, "表头", GbFonts.HeiTi, GbLayout.SizeSmall4, center: true, single: true),
            Style(WordParts.PageNumberStyle, "页码", GbFonts.SongTi, GbLayout.Size4, single: true));
        return styles;
    }

    // Widow control off: 公文 pages carry exactly 22 lines, none pushed over to keep a paragraph together.
    // Characters condensed a quarter point: Word fits 28 to a line by the grid alone, but LibreOffice gives
    // a 16 pt character two cells of the 15.79 pt grid unless the character is narrower than the cell.
    private static DocDefaults Defaults() => new(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            WordParts.FontsOf(GbFonts.FangSong),
            new Spacing { Val = GbLayout.CharacterCondense },
            new FontSize { Val = GbLayout.Size3.ToString() },
            new FontSizeComplexScript { Val = GbLayout.Size3.ToString() },
            new Languages { Val = "en-US", EastAsia = "zh-CN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
            new WidowControl { Val = false },
            new SpacingBetweenLines { Before = "0", After = "0", Line = GbLayout.LinePitch.ToString(), LineRule = LineSpacingRuleValues.Exact },
            new Justification { Val = JustificationValues.Both })));

    private static Style Style(string id, string name, string font, int halfPoints, bool isDefault = false, bool center = false,
        bool right = false, bool title = false, bool keepNext = false, int indentChars = 0, int? outline = null, bool single = false)
    {
        var paragraph = new StyleParagraphProperties();
        if (keepNext)
        {
            paragraph.Append(new KeepNext());
        }

        if (single || title)
        {
            // Tables and footers sit off the 22-line grid; a 22 pt title character would take two cells of it.
            paragraph.Append(new SnapToGrid { Val = false });
        }

        if (single)
        {
            paragraph.Append(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto });
        }

        if (indentChars > 0)
        {
            paragraph.Append(new Indentation { FirstLineChars = indentChars * 100, FirstLine = (GbLayout.Char(halfPoints) * indentChars).ToString() });
        }
        else if (right)
        {
            // 成文日期右空四字 (GB/T 9704-2012 7.3.5.1).
            paragraph.Append(new Indentation { RightChars = 400, Right = (GbLayout.Char(halfPoints) * 4).ToString() });
        }

        if (center || right)
        {
            paragraph.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        }
        else if (single)
        {
            // Justified text in narrow cells spreads short lines out character by character.
            paragraph.Append(new Justification { Val = JustificationValues.Left });
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        var run = new StyleRunProperties(WordParts.FontsOf(font));
        if (single || title)
        {
            run.Append(new Spacing { Val = 0 });
        }

        run.Append(new FontSize { Val = halfPoints.ToString() }, new FontSizeComplexScript { Val = halfPoints.ToString() });
        var style = new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run)
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
        if (isDefault)
        {
            style.Default = true;
        }
        else
        {
            style.InsertAfter(new BasedOn { Val = "Normal" }, style.GetFirstChild<StyleName>());
            style.InsertAfter(new NextParagraphStyle { Val = WordParts.BodyStyle }, style.GetFirstChild<BasedOn>());
        }

        return style;
    }
}
