namespace Xuncha.Screening.Package;

/// <summary>One bad row (or a missing table/column): where it is and why, in Chinese.</summary>
public sealed record PackageError(string File, int Line, string Column, string Reason)
{
    /// <summary>A reason quotes the bad value; a huge cell is cut so the report stays readable.</summary>
    public const int MaxReasonLength = 300;

    public string Reason { get; init; } = Reason.Length <= MaxReasonLength
        ? Reason
        : $"{Reason[..MaxReasonLength]}…（原文共 {Reason.Length} 个字符，已截断）";

    public override string ToString() =>
        Line > 0
            ? $"{File} 第 {Line} 行{(Column.Length > 0 ? Column : "")}：{Reason}"
            : $"{File}{(Column.Length > 0 ? " " + Column : "")}：{Reason}";
}

public sealed class InvalidPackageException(IReadOnlyList<PackageError> errors)
    : Exception($"数据包有 {errors.Count} 处错误，未导入任何数据")
{
    public IReadOnlyList<PackageError> Errors { get; } = errors;
}

/// <summary>
/// A table that cannot be read past some point (a damaged sheet's XML or zip data): reported with
/// the file and the line where reading stopped, like a bad row.
/// </summary>
public sealed class UnreadableTableException(string file, int line, string reason, Exception inner) : Exception(reason, inner)
{
    public PackageError Error { get; } = new(file, line, "", reason);
}

