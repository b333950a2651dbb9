using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>Where field checks put what is wrong: a form's field errors, or an import's row errors.</summary>
public interface IFieldErrors
{
    void Add(string field, string reason);

    /// <summary>True when the field already has an error (a later check then stays silent).</summary>
    bool Has(string field);
}

/// <summary>
/// Form and API errors: keyed by the JSON field ("works[1].from"), the message is the Chinese
/// label followed by the reason ("工作经历第 2 条起始日期不能为空。").
/// </summary>
public sealed class FormErrors(ValidationErrors errors, IReadOnlyDictionary<string, string> labels, string keyPrefix = "", string labelPrefix = "") : IFieldErrors
{
    private readonly HashSet<string> fields = [];

    public void Add(string field, string reason)
    {
        fields.Add(field);
        errors.Add(keyPrefix + field, labelPrefix + labels.GetValueOrDefault(field, field) + reason + "。");
    }

    public bool Has(string field) => fields.Contains(field);

    public FormErrors Nested(IReadOnlyDictionary<string, string> nestedLabels, string nestedKeyPrefix, string nestedLabelPrefix) =>
        new(errors, nestedLabels, keyPrefix + nestedKeyPrefix, labelPrefix + nestedLabelPrefix);
}

/// <summary>One bad cell (or row, or sheet) of an imported workbook.</summary>
/// <param name="Row">The row number as Excel shows it; 0 for the whole sheet or file.</param>
/// <param name="Column">The column's Chinese header; empty for the whole row.</param>
public sealed record ImportError(string File, string Sheet, int Row, string Column, string Reason)
{
    /// <summary>The whole sentence: "people.xlsx［人员］第 7 行「身份证号」校验位不正确：…".</summary>
    public string Text => ToString();

    public override string ToString()
    {
        var where = Sheet.Length == 0 ? File : $"{File}［{Sheet}］";
        if (Row > 0)
        {
            where += $"第 {Row} 行";
        }

        return Column.Length > 0 ? $"{where}「{Column}」{Reason}" : $"{where}：{Reason}";
    }
}

/// <summary>Import errors of one row: the field's label is the column header.</summary>
internal sealed class RowErrors(List<ImportError> sink, string file, string sheet, int row, IReadOnlyDictionary<string, string> headers) : IFieldErrors
{
    private readonly HashSet<string> fields = [];

    public int Row => row;

    public bool Any => fields.Count > 0;

    public void Add(string field, string reason)
    {
        fields.Add(field);
        sink.Add(new ImportError(file, sheet, row, headers.GetValueOrDefault(field, field), reason));
    }

    public bool Has(string field) => fields.Contains(field);
}
