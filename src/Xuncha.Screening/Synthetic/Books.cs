using Xuncha.Screening.Package;

namespace Xuncha.Screening.Synthetic;

/// <summary>One voucher line in account-class terms; the village's chart turns it into a code and name.</summary>
public sealed record Line(
    string Class,
    decimal Debit,
    decimal Credit,
    string? Counterparty = null,
    string? CounterpartyId = null,
    string? PayMethod = null,
    string? Invoice = null,
    string? Decision = null,
    string? Contract = null,
    string? Summary = null,
    string Flavor = "");

/// <summary>Writes a village's vouchers in its own chart of accounts.</summary>
public sealed class Books(PackageBuilder builder, SyntheticVillage village)
{
    private static long invoiceSeq;

    public SyntheticVillage Village { get; } = village;
    public PackageBuilder Builder { get; } = builder;

    public static string NewInvoice() => $"FP{Interlocked.Increment(ref invoiceSeq):00000000}";

    public (string Code, string Name) Account(string cls, string flavor = "") => (Village.Chart, cls, flavor) switch
    {
        ("2004", "cash", _) => ("101", "现金"),
        ("2023", "cash", _) => ("101", "库存现金"),
        (_, "bank", _) => ("102", "银行存款"),
        (_, "receivable", _) => ("112", "应收款"),
        ("2004", "construction", _) => ("154", "在建工程"),
        ("2023", "construction", _) => ("153", "在建工程"),
        ("2004", "payable", _) => ("202", "应付款"),
        ("2023", "payable", _) => ("211", "应付款"),
        ("2004", "payroll", _) => ("211", "应付工资"),
        ("2023", "payroll", _) => ("212", "应付工资"),
        ("2004", "income", "rent") => ("511", "发包及上交收入"),
        ("2004", "income", "other") => ("531", "其他收入"),
        ("2023", "income", "other") => ("504", "其他收入"),
        (_, "income", _) => ("501", "经营收入"),
        ("2004", "expense", "office") => ("541001", "管理费用-办公费"),
        ("2004", "expense", "business") => ("502", "经营支出"),
        ("2004", "expense", "other") => ("551", "其他支出"),
        ("2004", "expense", _) => ("541", "管理费用"),
        ("2023", "expense", "office") => ("513001", "管理费用-办公费"),
        ("2023", "expense", "business") => ("511", "经营支出"),
        ("2023", "expense", "other") => ("515", "其他支出"),
        ("2023", "expense", _) => ("513", "管理费用"),
        _ => throw new ArgumentException($"no account for {cls} in chart {Village.Chart}"),
    };

    public string Voucher(DateOnly date, params Line[] lines) => VoucherNumbered(Builder.NextVoucherNo(Village.Code, date.Year), date, lines);

    public string VoucherNumbered(string voucherNo, DateOnly date, params Line[] lines)
    {
        var n = 0;
        foreach (var l in lines)
        {
            var (code, name) = Account(l.Class, l.Flavor);
            Builder.Add(PackageSchema.Entries,
                Village.Code, voucherNo, date, ++n, code, name, l.Summary,
                l.Debit == 0 ? null : l.Debit, l.Credit == 0 ? null : l.Credit,
                l.Counterparty, l.CounterpartyId, l.PayMethod, l.Invoice, 1, l.Decision, l.Contract);
        }

        return voucherNo;
    }

    /// <summary>A payment: debit the spending class, credit bank (or cash). Invoices on spending lines unless told not to.</summary>
    public string Pay(
        DateOnly date, string debitClass, decimal amount, string counterparty, string? counterpartyId = null,
        bool invoice = true, string? decision = null, string? contract = null, string moneyClass = "bank",
        string? method = null, string? summary = null, string flavor = "", string? invoiceNo = null)
    {
        var needsInvoice = invoice && debitClass is "expense" or "construction";
        return Voucher(date,
            new Line(debitClass, amount, 0, counterparty, counterpartyId, method ?? (moneyClass == "cash" ? "现金" : "银行转账"),
                needsInvoice ? invoiceNo ?? NewInvoice() : null, decision, contract, summary, flavor),
            new Line(moneyClass, 0, amount, Decision: decision, Contract: contract));
    }

    /// <summary>Money coming in: debit bank, credit the income (or receivable) class.</summary>
    public string Receive(DateOnly date, string creditClass, decimal amount, string? counterparty = null, string? counterpartyId = null,
        string? contract = null, string? summary = null, string flavor = "") =>
        Voucher(date,
            new Line("bank", amount, 0, Contract: contract),
            new Line(creditClass, 0, amount, counterparty, counterpartyId, "银行转账", null, null, contract, summary, flavor));

    public void Decision(string decisionNo, DateOnly date, string subject, decimal? amount)
    {
        Builder.Add(PackageSchema.Decisions, Village.Code, decisionNo, date, subject, amount,
            date.AddDays(-20), date.AddDays(-15), date.AddDays(-10), date.AddDays(-5), date.AddDays(-3), date.AddDays(30));
    }
}
