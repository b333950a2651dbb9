using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Output;

/// <summary>The leads file of screening-rules.md: CSV (UTF-8 with BOM, for Excel) or .xlsx.</summary>
public static class LeadsWriter
{
    public static readonly string[] Columns = ["rule_code", "rule_name", "severity", "village_code", "ref", "amount", "explanation"];

    public static void Write(string path, IReadOnlyList<Lead> leads)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        // Written beside the target and moved into place, so a failed run leaves no half file.
        var temp = path + ".tmp";
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var rows = leads.Select(l => new Dictionary<string, object?>
            {
                ["rule_code"] = l.RuleCode,
                ["rule_name"] = l.RuleName,
                ["severity"] = l.Severity.ToChinese(),
                ["village_code"] = l.VillageCode,
                ["ref"] = Safe(l.Ref),
                ["amount"] = l.Amount,
                ["explanation"] = Safe(l.Explanation),
            }).ToList();
            using (var stream = File.Create(temp))
            {
                stream.SaveAs(rows.Count > 0 ? rows : [Columns.ToDictionary(c => c, _ => (object?)null)], sheetName: "疑似问题");
            }
        }
        else
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.Write(string.Join(',', Columns));
            writer.Write("\r\n");
            foreach (var l in leads)
            {
                writer.Write(string.Join(',', new[]
                {
                    l.RuleCode, l.RuleName, l.Severity.ToChinese(), l.VillageCode, Safe(l.Ref), FormatAmount(l.Amount), Safe(l.Explanation),
                }.Select(Quote)));
                writer.Write("\r\n");
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    public static string FormatAmount(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A cell starting with = + - @ would run as a formula in Excel (also when it opens the CSV); prefix it. Every export uses this.</summary>
    public static string Safe(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
}
