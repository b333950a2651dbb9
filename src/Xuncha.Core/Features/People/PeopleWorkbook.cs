using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Xuncha.Core.Domain.People;
using Xuncha.Screening.Checks;
using Xuncha.Screening.Output;

namespace Xuncha.Core.Features.People;

/// <summary>
/// The workbooks of the pools: the downloadable templates (an example row and a 填写说明 sheet) and
/// the exports, which have the template's layout so an export can be edited and imported again.
/// Every text cell goes through <see cref="LeadsWriter.Safe"/>; ID numbers, phones and region
/// codes are text columns, so Excel does not turn them into numbers.
/// </summary>
public static class PeopleWorkbook
{
    public const string PeopleSheet = "人员";
    public const string WorksSheet = "工作经历";
    public const string RelativesSheet = "近亲属任村干部";
    public const string ExpertsSheet = "专家";
    public const string GuideSheet = "填写说明";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The largest workbook an import accepts.</summary>
    public const long MaxUploadBytes = 10L << 20;

    /// <summary>Rows whose 姓名 starts with this are the template's examples and are not imported.</summary>
    public const string ExamplePrefix = "示例";

    public static readonly IReadOnlyList<string> PeopleColumns = [.. PersonRules.Labels.Values];
    public static readonly IReadOnlyList<string> WorkColumns = ["身份证号", "单位", "区划", "起始日期", "终止日期"];
    public static readonly IReadOnlyList<string> RelativeColumns = ["身份证号", "亲属姓名", "关系", "亲属身份证号", "村社", "职务"];
    public static readonly IReadOnlyList<string> ExpertColumns = [.. ExpertRules.Labels.Values];

    private static readonly HashSet<string> TextColumns = ["身份证号", "亲属身份证号", "联系电话", "所属县市区", "户籍村社", "区划", "村社"];

    private static readonly Dictionary<string, double> Widths = new()
    {
        ["姓名"] = 12, ["身份证号"] = 22, ["性别"] = 6, ["工作单位"] = 24, ["职务"] = 16, ["联系电话"] = 15, ["所属县市区"] = 12,
        ["户籍村社"] = 30, ["专长"] = 20, ["乡镇工作年限"] = 12, ["可任组长"] = 9, ["是否可用"] = 9, ["单位"] = 24, ["区划"] = 30,
        ["起始日期"] = 12, ["终止日期"] = 12, ["亲属姓名"] = 12, ["关系"] = 8, ["亲属身份证号"] = 22, ["村社"] = 30, ["专业领域"] = 14,
        ["职称职务"] = 18, ["工作表"] = 16, ["列"] = 14, ["说明"] = 90,
    };

    public static bool IsExample(string name) => name.StartsWith(ExamplePrefix, StringComparison.Ordinal);

    /// <summary>A fictional ID number of 义乌 with a correct check digit, for the example rows.</summary>
    public static string ExampleIdNumber { get; } = WithCheckDigit("33078219800315001");

    public static string WithCheckDigit(string first17) => first17 + ResidentId.ComputeCheckDigit(first17);

    public static byte[] PeopleTemplate() => Save(new Dictionary<string, object>
    {
        [PeopleSheet] = new[]
        {
            Row(PeopleColumns, "示例：王建国", ExampleIdNumber, "男", "义乌市审计局", "审计员", "0579-85550000", "义乌市", "佛堂镇/大成社区", "审计、财政", 6, "否", "是"),
        },
        [WorksSheet] = new[]
        {
            Row(WorkColumns, ExampleIdNumber, "佛堂镇人民政府", "义乌市/佛堂镇", "2015-03-01", "2021-06-30"),
        },
        [RelativesSheet] = new[]
        {
            Row(RelativeColumns, ExampleIdNumber, "王建明", "兄弟", "", "佛堂镇/大成社区", "村委会委员"),
        },
        [GuideSheet] = PeopleGuide(),
    });

    public static byte[] ExpertTemplate() => Save(new Dictionary<string, object>
    {
        [ExpertsSheet] = new[]
        {
            Row(ExpertColumns, "示例：陈立信", "财务管理", "义乌市会计学会", "高级会计师", "13900000000", "", "义乌市", "", "是"),
        },
        [GuideSheet] = ExpertGuide(),
    });

    internal static byte[] People(IReadOnlyList<Person> people, RegionDirectory regions)
    {
        var persons = people.Select(p => Row(PeopleColumns,
            p.Name, p.IdNumber, p.Gender, p.Unit, p.Position, p.Phone, regions.NameOf(p.RegionCode),
            p.HomeVillageCode is null ? "" : Place(regions, p.HomeVillageCode), string.Join("、", p.Skills), p.TownshipYears,
            p.CanLead ? "是" : "否", p.Available ? "是" : "否")).ToList();
        var works = people.SelectMany(p => p.Works.OrderBy(w => w.From).Select(w => Row(WorkColumns,
            p.IdNumber, w.Unit, Place(regions, w.RegionCode), w.From.ToString("yyyy-MM-dd"), w.To?.ToString("yyyy-MM-dd") ?? "至今"))).ToList();
        var relatives = people.SelectMany(p => p.Relatives.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => Row(RelativeColumns,
            p.IdNumber, r.Name, r.Relation, r.IdNumber, Place(regions, r.VillageCode), r.Position))).ToList();
        return Save(new Dictionary<string, object>
        {
            [PeopleSheet] = OrEmpty(persons, PeopleColumns),
            [WorksSheet] = OrEmpty(works, WorkColumns),
            [RelativesSheet] = OrEmpty(relatives, RelativeColumns),
        });
    }

    internal static byte[] Experts(IReadOnlyList<ExpertRow> experts, RegionDirectory regions) => Save(new Dictionary<string, object>
    {
        [ExpertsSheet] = OrEmpty(experts.Select(e => Row(ExpertColumns,
            e.Name, e.Field, e.Unit, e.Title, e.Phone, e.IdNumber, regions.NameOf(e.RegionCode),
            e.HomeVillageCode is null ? "" : Place(regions, e.HomeVillageCode), e.Available ? "是" : "否")).ToList(), ExpertColumns),
    });

    /// <summary>"义乌市/佛堂镇/大成社区居委会（330782100014）": readable, and the code makes the import exact.</summary>
    private static string Place(RegionDirectory regions, string code) => $"{regions.PathOf(code).Replace(" / ", "/", StringComparison.Ordinal)}（{code}）";

    private static Dictionary<string, object?> Row(IReadOnlyList<string> columns, params object?[] values)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < columns.Count; i++)
        {
            row[columns[i]] = i < values.Length && values[i] is string s ? LeadsWriter.Safe(s) : i < values.Length ? values[i] : null;
        }

        return row;
    }

    private static List<Dictionary<string, object?>> OrEmpty(List<Dictionary<string, object?>> rows, IReadOnlyList<string> columns) =>
        rows.Count > 0 ? rows : [columns.ToDictionary(c => c, _ => (object?)null)];

    private static List<Dictionary<string, object?>> PeopleGuide()
    {
        var skills = string.Join("、", Skills.All);
        return Guide(
            ("通则", "", "整个文件只要有一处错误，就全部不导入；页面会列出每一处错误的工作表、行号、列和原因，改正后重新导入即可。"),
            ("通则", "", $"按身份证号匹配：已在人员库中的人员被更新，其余新增。以「{ExamplePrefix}」开头的行是示例，不会导入，可保留或删除。"),
            ("通则", "", "工作簿中有「工作经历」或「近亲属任村干部」工作表时，本次导入人员的这两类记录以本文件为准整体替换；没有该工作表则保持原样。"),
            ("通则", "", "身份证号、联系电话、区划等列已设为文本格式；从别处粘贴时请选择「只粘贴值」，以免 18 位身份证号被 Excel 改成数字而丢失末几位。"),
            (PeopleSheet, "姓名", "必填，不超过 50 个字。"),
            (PeopleSheet, "身份证号", "必填，18 位居民身份证号码（GB 11643），末位校验码不正确的将被拒绝；同一人只能登记一次。"),
            (PeopleSheet, "性别", "男 或 女；可不填，按身份证号第 17 位确定。"),
            (PeopleSheet, "工作单位", "现工作单位，不超过 100 个字。"),
            (PeopleSheet, "职务", "现任职务，不超过 50 个字。"),
            (PeopleSheet, "联系电话", "手机或固定电话，如 13800000000、0579-85550000。"),
            (PeopleSheet, "所属县市区", "该人员所在的人员库：金华市（市本级）或县（市、区），填名称或代码，如 义乌市、330782；不填则为您本级的人员库。只能填您数据范围内的。"),
            (PeopleSheet, "户籍村社", "户籍所在村（社区），组队时回避该村；填 12 位村社代码，或「乡镇/村社」名称，如 佛堂镇/大成社区；可不填。"),
            (PeopleSheet, "专长", $"至少一项，可多项，用「、」或「，」分隔；可选：{skills}。"),
            (PeopleSheet, "乡镇工作年限", "整数 0–50；专长含「老乡镇」时须大于 0。"),
            (PeopleSheet, "可任组长", "是 或 否；不填为否（已有人员不填则不变）。"),
            (PeopleSheet, "是否可用", "是 或 否；否 表示暂不参加巡察（如休假、另有任务）。不填为是（已有人员不填则不变）。"),
            (WorksSheet, "身份证号", "「人员」工作表中该人员的身份证号。"),
            (WorksSheet, "单位", "曾工作的单位，如 佛堂镇人民政府。"),
            (WorksSheet, "区划", "该单位所在的县、乡镇或村社：代码，或名称如 义乌市/佛堂镇；组队时回避。"),
            (WorksSheet, "起始日期", "必填，如 2021-03-01、2021/3/1 或 2021-03（按当月 1 日）。"),
            (WorksSheet, "终止日期", "不填或填「至今」表示仍在该单位；不能早于起始日期。"),
            (RelativesSheet, "身份证号", "「人员」工作表中该人员的身份证号。"),
            (RelativesSheet, "亲属姓名", "必填。近亲属指配偶、直系血亲、三代以内旁系血亲及近姻亲。"),
            (RelativesSheet, "关系", "如 配偶、父亲、兄弟、岳父。"),
            (RelativesSheet, "亲属身份证号", "可不填；填写的须为有效的 18 位身份证号。"),
            (RelativesSheet, "村社", "必填，亲属任职的村（社区）：12 位代码或「乡镇/村社」名称；组队时回避该村。"),
            (RelativesSheet, "职务", "如 村党组织书记、村委会主任、村监委会主任、村报账员。"));
    }

    private static List<Dictionary<string, object?>> ExpertGuide() => Guide(
        ("通则", "", "整个文件只要有一处错误，就全部不导入；页面会列出每一处错误的行号、列和原因。"),
        ("通则", "", $"有身份证号的按身份证号匹配，没有的按同一专家库内的姓名匹配：匹配到的更新，其余新增。以「{ExamplePrefix}」开头的行是示例，不会导入。"),
        (ExpertsSheet, "姓名", "必填。"),
        (ExpertsSheet, "专业领域", $"必填，一项：{string.Join("、", ExpertFields.All)}。"),
        (ExpertsSheet, "工作单位", "不超过 100 个字。"),
        (ExpertsSheet, "职称职务", "如 高级会计师、注册造价工程师、律师。"),
        (ExpertsSheet, "联系电话", "手机或固定电话。"),
        (ExpertsSheet, "身份证号", "可不填；填写的须为有效的 18 位身份证号。"),
        (ExpertsSheet, "所属县市区", "该专家所在的专家库：金华市或县（市、区）的名称或代码；不填则为您本级的专家库。"),
        (ExpertsSheet, "户籍村社", "可不填；12 位村社代码或「乡镇/村社」名称，组队时回避该村。"),
        (ExpertsSheet, "是否可用", "是 或 否；不填为是。"));

    private static List<Dictionary<string, object?>> Guide(params (string Sheet, string Column, string Text)[] lines) =>
        [.. lines.Select(l => new Dictionary<string, object?> { ["工作表"] = l.Sheet, ["列"] = l.Column, ["说明"] = l.Text })];

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = [.. Widths.Select(w => new DynamicExcelColumn(w.Key) { Width = w.Value, Format = TextColumns.Contains(w.Key) ? "@" : null! })],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: config);
        return FormatColumnsAsText(stream.ToArray());
    }

    /// <summary>
    /// MiniExcel formats only the cells it writes; give the whole column the text style, so what
    /// a user types below the example (an ID number, a code) stays text.
    /// </summary>
    private static byte[] FormatColumnsAsText(byte[] xlsx)
    {
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var styles = Load(zip, "xl/styles.xml");
            var textFormat = styles?.Descendants(x + "numFmt").FirstOrDefault(f => (string?)f.Attribute("formatCode") == "@")?.Attribute("numFmtId")?.Value;
            var xfs = styles?.Descendants(x + "cellXfs").FirstOrDefault()?.Elements(x + "xf").ToList();
            var textStyle = textFormat is null || xfs is null ? -1 : xfs.FindIndex(xf => (string?)xf.Attribute("numFmtId") == textFormat);
            if (textStyle < 0)
            {
                return xlsx;
            }

            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
            {
                var sheet = Load(zip, entry.FullName)!;
                var headers = sheet.Descendants(x + "row").FirstOrDefault()?.Elements(x + "c")
                    .ToDictionary(c => ColumnIndex((string?)c.Attribute("r") ?? ""), c => c.Element(x + "v")?.Value ?? c.Descendants(x + "t").FirstOrDefault()?.Value ?? "");
                if (headers is null)
                {
                    continue;
                }

                foreach (var col in sheet.Descendants(x + "col"))
                {
                    if (int.TryParse((string?)col.Attribute("min"), out var min) && headers.TryGetValue(min, out var header) && TextColumns.Contains(header))
                    {
                        col.SetAttributeValue("style", textStyle);
                    }
                }

                entry.Delete();
                using var writer = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                sheet.Save(writer, SaveOptions.DisableFormatting);
            }
        }

        return stream.ToArray();
    }

    private static XDocument? Load(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        if (entry is null)
        {
            return null;
        }

        using var s = entry.Open();
        return XDocument.Load(s);
    }

    private static int ColumnIndex(string cellRef)
    {
        var n = 0;
        foreach (var ch in cellRef.TakeWhile(char.IsAsciiLetterUpper))
        {
            n = (n * 26) + (ch - 'A' + 1);
        }

        return n;
    }
}
