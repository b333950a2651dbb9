namespace Xuncha.Documents;

/// <summary>An official document (公文) in the GB/T 9704-2012 layout: title, optional lines under it, blocks, 附件, signature.</summary>
public sealed record OfficialDocument(string Title)
{
    /// <summary>A centred line under the title, e.g. a 发文字号 or "（2026年11月28日）".</summary>
    public string? Subtitle { get; init; }

    /// <summary>The 主送 line, e.g. "中共佛堂镇委员会：".</summary>
    public string? Addressee { get; init; }

    public IReadOnlyList<DocumentBlock> Blocks { get; init; } = [];

    /// <summary>附件说明, one name per attachment; numbered "1." "2." when more than one.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    public DocumentSignature? Signature { get; init; }
}

public abstract record DocumentBlock;

/// <summary>A heading; its numbering ("一、" "（一）" "1." "（1）") is part of the text, see <see cref="ChineseNumerals"/>.</summary>
public sealed record HeadingBlock(int Level, string Text) : DocumentBlock
{
    public int Level { get; } = Level is >= 1 and <= 4 ? Level : throw new ArgumentOutOfRangeException(nameof(Level), Level, "heading level is 1..4");
}

/// <summary>A body paragraph (3号仿宋, first line indented two characters).</summary>
public sealed record TextBlock(string Text) : DocumentBlock;

/// <summary>A table inside the body, in the columns given.</summary>
public sealed record TableBlock(IReadOnlyList<ListColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows) : DocumentBlock;

/// <summary>发文机关署名 and 成文日期 ("2026年11月28日", Arabic numerals as GB/T 9704-2012 requires).</summary>
public sealed record DocumentSignature(string Organisation, DateOnly Date);
