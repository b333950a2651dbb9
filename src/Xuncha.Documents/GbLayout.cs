namespace Xuncha.Documents;

/// <summary>
/// The numbers of GB/T 9704-2012 (党政机关公文格式) in Word's units: twips (1/1440 inch) for lengths,
/// half-points for font sizes. A4 210×297 mm; text block 156×225 mm with margins 37 mm top,
/// 28 mm left, hence 26 mm right and 35 mm bottom; 22 lines of 28 characters in 3号 (16 pt).
/// </summary>
public static class GbLayout
{
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 2098;
    public const int MarginLeft = 1587;
    public const int MarginRight = 1474;
    public const int MarginBottom = 1984;
    public const int HeaderDistance = 851;
    public const int FooterDistance = 1247;

    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>225 mm / 22 lines ≈ 28.95 pt: the fixed line height that puts 22 lines on a page.</summary>
    public const int LinePitch = 579;

    public const int LinesPerPage = 22;
    public const int CharsPerLine = 28;

    /// <summary>Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt.</summary>
    public const int Size2 = 44;
    public const int Size3 = 32;
    public const int Size4 = 28;
    public const int SizeSmall4 = 24;

    /// <summary>w:spacing of body text in twips: 16 pt characters set at 15.75 pt, so 28 fit the 442 pt line in any renderer.</summary>
    public const int CharacterCondense = -5;

    /// <summary>One character of a size, in twips (a CJK character is as wide as its size).</summary>
    public static int Char(int halfPoints) => halfPoints * 10;
}

/// <summary>Font names as the standard says, and what Word / WPS / LibreOffice should use where they are missing.</summary>
public static class GbFonts
{
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string FangSong = "仿宋_GB2312";
    public const string KaiTi = "楷体_GB2312";
    public const string HeiTi = "黑体";
    public const string SongTi = "宋体";

    /// <summary>Every font the documents name, with its w:altName fallback and whether it is a serif (roman) face.</summary>
    public static readonly IReadOnlyList<(string Name, string AltName, bool Roman)> Declared =
    [
        (XiaoBiaoSong, "华文中宋", true),
        (FangSong, "仿宋", true),
        (KaiTi, "楷体", true),
        (HeiTi, "SimHei", false),
        (SongTi, "SimSun", true),
        ("仿宋", "FangSong", true),
        ("楷体", "KaiTi", true),
    ];
}
