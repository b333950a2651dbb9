namespace Xuncha.Screening.Accounts;

/// <summary>
/// The two charts of accounts of data-package.md, mapped to the account classes rules use.
/// The same three-digit code can mean different things (511 is income in 2004, an expense in 2023),
/// so each village's chart is chosen before any line is classified.
/// </summary>
public static class ChartOfAccounts
{
    public const string Chart2004 = "2004";
    public const string Chart2023 = "2023";

    /// <summary>村集体经济组织会计制度 (2004).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Class)> Accounts2004 =
    [
        ("101", "现金", "cash"),
        ("102", "银行存款", "bank"),
        ("112", "应收款", "receivable"),
        ("113", "内部往来", "receivable"),
        ("154", "在建工程", "construction"),
        ("202", "应付款", "payable"),
        ("211", "应付工资", "payroll"),
        ("501", "经营收入", "income"),
        ("502", "经营支出", "expense"),
        ("511", "发包及上交收入", "income"),
        ("522", "补助收入", "income"),
        ("531", "其他收入", "income"),
        ("541", "管理费用", "expense"),
        ("551", "其他支出", "expense"),
        ("561", "投资收益", "income"),
    ];

    /// <summary>农村集体经济组织会计制度 (2023, 财会〔2023〕14号, in force 2024-01-01).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Class)> Accounts2023 =
    [
        ("101", "库存现金", "cash"),
        ("102", "银行存款", "bank"),
        ("112", "应收款", "receivable"),
        ("113", "内部往来", "receivable"),
        ("153", "在建工程", "construction"),
        ("154", "固定资产清理", "fixed_asset"),
        ("211", "应付款", "payable"),
        ("212", "应付工资", "payroll"),
        ("213", "应付劳务费", "payroll"),
        ("501", "经营收入", "income"),
        ("502", "投资收益", "income"),
        ("503", "补助收入", "income"),
        ("504", "其他收入", "income"),
        ("511", "经营支出", "expense"),
        ("512", "税金及附加", "expense"),
        ("513", "管理费用", "expense"),
        ("514", "公益支出", "expense"),
        ("515", "其他支出", "expense"),
    ];

    /// <summary>For codes outside the village's chart: the class an account name means in either chart.</summary>
    public static readonly IReadOnlyList<(string Name, string Class)> NameClasses =
    [
        ("现金", "cash"), ("库存现金", "cash"), ("银行存款", "bank"),
        ("应收款", "receivable"), ("内部往来", "receivable"),
        ("应付款", "payable"), ("应付工资", "payroll"), ("应付劳务费", "payroll"),
        ("在建工程", "construction"),
        ("固定资产", "fixed_asset"), ("累计折旧", "fixed_asset"), ("固定资产清理", "fixed_asset"),
        ("经营收入", "income"), ("发包及上交收入", "income"), ("补助收入", "income"), ("其他收入", "income"), ("投资收益", "income"),
        ("经营支出", "expense"), ("管理费用", "expense"), ("公益支出", "expense"), ("其他支出", "expense"), ("税金及附加", "expense"),
        ("资本", "equity"), ("公积公益金", "equity"), ("本年收益", "equity"), ("收益分配", "equity"),
    ];

    public static string ChineseClass(string cls) => cls switch
    {
        "cash" => "现金",
        "bank" => "银行存款",
        "receivable" => "应收款",
        "payable" => "应付款",
        "payroll" => "应付工资",
        "construction" => "在建工程",
        "fixed_asset" => "固定资产",
        "income" => "收入",
        "expense" => "支出",
        "equity" => "所有者权益",
        _ => "其他",
    };
}
