namespace Xuncha.Screening.Package;

public enum ColumnType
{
    Text,
    VillageCode,
    Date,
    Amount,
    Integer,
    Number,
    Bool,
    Month,
    DisclosurePeriod,
    Chart,
}

public sealed record ColumnSpec(string Key, string Chinese, ColumnType Type, bool Required = false)
{
    public string DuckType => Type switch
    {
        ColumnType.Date => "DATE",
        ColumnType.Amount => "DECIMAL(18,2)",
        ColumnType.Integer => "INTEGER",
        ColumnType.Number => "DOUBLE",
        ColumnType.Bool => "BOOLEAN",
        _ => "VARCHAR",
    };

    /// <summary>How the column is named in messages: 「记账日期」(date).</summary>
    public string Label => $"「{Chinese}」";
}

public sealed record TableSpec(string Name, string Chinese, IReadOnlyList<ColumnSpec> Columns)
{
    public ColumnSpec? Find(string key) => Columns.FirstOrDefault(c => c.Key == key);
}

/// <summary>The tables of a village data package, exactly as shared spec data-package.md.</summary>
public static class PackageSchema
{
    private static ColumnSpec C(string key, string zh, ColumnType type = ColumnType.Text, bool required = false) => new(key, zh, type, required);

    public static readonly TableSpec Villages = new("villages", "村社",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("village_name", "村社名称"),
        C("township_name", "乡镇街道"),
        C("county_name", "县市区"),
        C("kind", "类型"),
        C("population", "户籍人口", ColumnType.Integer),
        C("collective_income", "集体经济收入", ColumnType.Amount),
        C("weak_org", "软弱涣散", ColumnType.Bool),
        C("key_work_score", "重点工作推进评分", ColumnType.Number),
        C("last_inspected", "上次巡察日期", ColumnType.Date),
        C("chart", "会计制度", ColumnType.Chart),
    ]);

    public static readonly TableSpec Entries = new("entries", "记账凭证分录",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("voucher_no", "凭证号", ColumnType.Text, true),
        C("date", "记账日期", ColumnType.Date, true),
        C("line_no", "分录号", ColumnType.Integer),
        C("account_code", "科目代码", ColumnType.Text, true),
        C("account_name", "科目名称"),
        C("summary", "摘要"),
        C("debit", "借方金额", ColumnType.Amount),
        C("credit", "贷方金额", ColumnType.Amount),
        C("counterparty", "往来单位或个人"),
        C("counterparty_id", "往来方证件号"),
        C("pay_method", "结算方式"),
        C("invoice_no", "发票号码"),
        C("attachments", "附件张数", ColumnType.Integer),
        C("decision_no", "决策编号"),
        C("contract_no", "合同编号"),
    ]);

    public static readonly TableSpec Contracts = new("contracts", "合同",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("contract_no", "合同编号", ColumnType.Text, true),
        C("kind", "合同类型"),
        C("subject", "标的"),
        C("counterparty", "相对方"),
        C("counterparty_id", "相对方证件号"),
        C("amount", "合同金额", ColumnType.Amount),
        C("signed_date", "签订日期", ColumnType.Date),
        C("start_date", "起始日期", ColumnType.Date),
        C("end_date", "终止日期", ColumnType.Date),
        C("procurement", "采购方式"),
        C("area_mu", "面积(亩)", ColumnType.Number),
        C("annual_rent", "年租金", ColumnType.Amount),
        C("decision_no", "决策编号"),
    ]);

    public static readonly TableSpec Subsidies = new("subsidies", "惠民惠农资金发放",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("program", "项目", ColumnType.Text, true),
        C("recipient_name", "领取人"),
        C("recipient_id", "领取人身份证号", ColumnType.Text, true),
        C("amount", "金额", ColumnType.Amount, true),
        C("pay_date", "发放日期", ColumnType.Date, true),
        C("period", "所属期间", ColumnType.Month, true),
    ]);

    public static readonly TableSpec Cadres = new("cadres", "村干部",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("name", "姓名"),
        C("id_number", "身份证号", ColumnType.Text, true),
        C("position", "职务"),
        C("term_start", "任职起始", ColumnType.Date),
        C("term_end", "任职终止", ColumnType.Date),
    ]);

    public static readonly TableSpec Relatives = new("relatives", "亲属关系",
    [
        C("id_number", "身份证号", ColumnType.Text, true),
        C("relative_name", "亲属姓名"),
        C("relative_id", "亲属身份证号", ColumnType.Text, true),
        C("relation", "关系"),
    ]);

    public static readonly TableSpec Deaths = new("deaths", "死亡人员",
    [
        C("id_number", "身份证号", ColumnType.Text, true),
        C("name", "姓名"),
        C("death_date", "死亡日期", ColumnType.Date, true),
    ]);

    public static readonly TableSpec Decisions = new("decisions", "民主决策",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("decision_no", "决策编号", ColumnType.Text, true),
        C("date", "日期", ColumnType.Date),
        C("subject", "事项"),
        C("amount", "金额", ColumnType.Amount),
        C("proposed", "党组织提议", ColumnType.Date),
        C("discussed", "两委商议", ColumnType.Date),
        C("reviewed", "党员大会审议", ColumnType.Date),
        C("resolved", "村民代表会议决议", ColumnType.Date),
        C("resolution_published", "决议公开", ColumnType.Date),
        C("result_published", "实施结果公开", ColumnType.Date),
    ]);

    public static readonly TableSpec Petitions = new("petitions", "信访举报",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("petition_no", "编号", ColumnType.Text, true),
        C("received_date", "受理日期", ColumnType.Date, true),
        C("category", "类别"),
        C("summary", "摘要"),
        C("reporter_name", "举报人"),
        C("reporter_phone", "联系电话"),
        C("status", "办理状态"),
    ]);

    public static readonly TableSpec Disclosures = new("disclosures", "村务公开",
    [
        C("village_code", "村社代码", ColumnType.VillageCode, true),
        C("period", "期间", ColumnType.DisclosurePeriod, true),
        C("kind", "类别"),
        C("published_date", "公开日期", ColumnType.Date, true),
    ]);

    public static readonly IReadOnlyList<TableSpec> Tables =
        [Villages, Entries, Contracts, Subsidies, Cadres, Relatives, Deaths, Decisions, Petitions, Disclosures];

    /// <summary>A table by its file/sheet name: the English key, or its Chinese title.</summary>
    public static TableSpec? FindTable(string name)
    {
        var n = name.Trim();
        return Tables.FirstOrDefault(t => string.Equals(t.Name, n, StringComparison.OrdinalIgnoreCase) || t.Chinese == n);
    }

    /// <summary>Header comparison: trimmed, full-width and half-width brackets equal.</summary>
    public static string NormalizeHeader(string header) =>
        header.Trim().Trim('\uFEFF').Replace('（', '(').Replace('）', ')').Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
