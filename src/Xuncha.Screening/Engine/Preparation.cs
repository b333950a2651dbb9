using DuckDB.NET.Data;
using Xuncha.Screening.Accounts;

namespace Xuncha.Screening.Engine;

/// <summary>
/// Builds the working tables every rule shares, following the conventions of screening-rules.md:
/// rows after as-of dropped, each village's chart chosen, lines classified, reversals turned
/// around, vouchers and payments derived, cadre links resolved.
/// </summary>
internal static class Preparation
{
    public const string PaymentDebitClasses = "('expense','construction','payable','receivable','payroll')";

    /// <summary>
    /// What a voucher tells: true when any of its lines meets the condition; all_debits_payroll is
    /// true when none of its lines breaks it (every debit line is payroll).
    /// </summary>
    private static readonly (string Name, string Line)[] VoucherFacts =
    [
        ("credits_money", "is_money AND cr > 0"),
        ("debits_pay", "is_pay_debit AND dr > 0"),
        ("debits_exp_con", "is_exp_con AND dr > 0"),
        ("credits_income", "is_income AND cr > 0"),
        ("debits_ecp", "is_ecp AND dr > 0"),
        ("has_money_line", "is_money"),
        ("debits_payroll", "is_payroll AND dr > 0"),
        ("all_debits_payroll", "NOT (is_payroll OR dr = 0)"),
        ("cash_method", "pay_method = '现金'"),
        ("has_contract", "contract_no IS NOT NULL"),
    ];

    public static void Run(DuckDBConnection db, DateOnly asOf)
    {
        var a = RuleContext.Sql(asOf);
        Exec(db, "CREATE OR REPLACE TABLE chart_accounts (chart VARCHAR, code VARCHAR, name VARCHAR, cls VARCHAR)");
        Exec(db, "INSERT INTO chart_accounts VALUES " + string.Join(", ",
            ChartOfAccounts.Accounts2004.Select(x => $"('2004','{x.Code}','{x.Name}','{x.Class}')")
                .Concat(ChartOfAccounts.Accounts2023.Select(x => $"('2023','{x.Code}','{x.Name}','{x.Class}')"))));
        Exec(db, "CREATE OR REPLACE TABLE name_classes (name VARCHAR, cls VARCHAR)");
        Exec(db, "INSERT INTO name_classes VALUES " + string.Join(", ", ChartOfAccounts.NameClasses.Select(x => $"('{x.Name}','{x.Class}')")));

        // Classification works on each village's distinct accounts (the loader numbered them), not on every line.
        Exec(db, $"""
            CREATE OR REPLACE TABLE accounts AS
            SELECT a.acct, a.village_code, a.account_code, a.account_name,
                   left(trim(coalesce(a.account_code, '')), 3) AS code3,
                   trim(regexp_replace(coalesce(a.account_name, ''), '[-－].*$', '')) AS nname,
                   l.lines, l.first_date
            FROM entry_accounts a
            JOIN (SELECT acct, count(*) AS lines, min(date) AS first_date FROM entry_lines WHERE date <= {a} GROUP BY acct) l ON l.acct = a.acct
            """);

        // The chart: declared, else the one whose names the village's (code, name) pairs match more often.
        Exec(db, """
            CREATE OR REPLACE TABLE village_chart AS
            WITH m AS (
                SELECT a.village_code,
                       sum(CASE WHEN c4.name = a.nname THEN a.lines ELSE 0 END) AS m2004,
                       sum(CASE WHEN c23.name = a.nname THEN a.lines ELSE 0 END) AS m2023,
                       min(a.first_date) AS first_date
                FROM accounts a
                LEFT JOIN chart_accounts c4 ON c4.chart = '2004' AND c4.code = a.code3
                LEFT JOIN chart_accounts c23 ON c23.chart = '2023' AND c23.code = a.code3
                GROUP BY a.village_code),
            codes AS (SELECT village_code, chart FROM villages UNION SELECT DISTINCT village_code, NULL FROM accounts)
            SELECT c.village_code,
                   CASE WHEN max(c.chart) IS NOT NULL THEN max(c.chart)
                        WHEN any_value(m.m2023) > any_value(m.m2004) THEN '2023'
                        WHEN any_value(m.m2004) > any_value(m.m2023) THEN '2004'
                        WHEN any_value(m.first_date) >= DATE '2024-01-01' THEN '2023'
                        ELSE '2004' END AS chart,
                   CASE WHEN max(c.chart) IS NOT NULL THEN 'declared'
                        WHEN any_value(m.m2023) <> any_value(m.m2004) THEN 'names'
                        WHEN any_value(m.first_date) IS NULL THEN 'no entries'
                        ELSE 'tie' END AS reason,
                   coalesce(any_value(m.m2004), 0) AS m2004,
                   coalesce(any_value(m.m2023), 0) AS m2023
            FROM codes c LEFT JOIN m ON m.village_code = c.village_code
            GROUP BY c.village_code
            """);

        // Each account's class, and the class tests the voucher summary makes, as flags.
        Exec(db, $"""
            CREATE OR REPLACE TABLE account_classes AS
            WITH c AS (
                SELECT a.acct, a.account_code, a.account_name, coalesce(ca.cls, nc.cls, 'other') AS cls
                FROM accounts a
                JOIN village_chart vc ON vc.village_code = a.village_code
                LEFT JOIN chart_accounts ca ON ca.chart = vc.chart AND ca.code = a.code3
                LEFT JOIN name_classes nc ON nc.name = a.nname)
            SELECT *, cls IN ('cash', 'bank') AS is_money, cls = 'cash' AS is_cash, cls IN {PaymentDebitClasses} AS is_pay_debit,
                   cls IN ('expense', 'construction') AS is_exp_con, cls IN ('expense', 'construction', 'payable') AS is_ecp,
                   cls = 'income' AS is_income, cls = 'payroll' AS is_payroll
            FROM c
            """);

        // The classified lines: a view, not a second copy of 26 M lines; the join is on the account's number.
        // dr and cr stay DECIMAL(18,2) (64-bit) rather than the DECIMAL(19,2) of the sum, which DuckDB keeps in 128 bits.
        Exec(db, $"""
            CREATE OR REPLACE VIEW e AS
            SELECT l.village_code, l.voucher_no, l.date, l.line_no, ac.account_code, ac.account_name, l.summary, l.debit, l.credit,
                   l.counterparty, l.counterparty_id, l.pay_method, l.invoice_no, l.attachments, l.decision_no, l.contract_no, l._line,
                   coalesce(l.line_no, l._line) AS lkey, ac.cls,
                   CAST((CASE WHEN coalesce(l.debit, 0) > 0 THEN l.debit ELSE 0 END) + (CASE WHEN coalesce(l.credit, 0) < 0 THEN -l.credit ELSE 0 END) AS DECIMAL(18,2)) AS dr,
                   CAST((CASE WHEN coalesce(l.credit, 0) > 0 THEN l.credit ELSE 0 END) + (CASE WHEN coalesce(l.debit, 0) < 0 THEN -l.debit ELSE 0 END) AS DECIMAL(18,2)) AS cr,
                   ac.is_money, ac.is_cash, ac.is_pay_debit, ac.is_exp_con, ac.is_ecp, ac.is_income, ac.is_payroll
            FROM entry_lines l JOIN account_classes ac ON ac.acct = l.acct
            WHERE l.date <= {a}
            """);

        // One pass over the lines: the voucher's yes/no facts are bits of one bit_or (eleven bool_or
        // states per voucher were most of the work); money out as DECIMAL(18,2) like every amount in
        // the package (a sum is 128-bit otherwise, and slow to compare).
        var facts = VoucherFacts.Select((f, i) => $"(CASE WHEN {f.Line} THEN {1 << i} ELSE 0 END)");
        var decoded = VoucherFacts.Select((f, i) => f.Name == "all_debits_payroll"
            ? $"(facts & {1 << i}) = 0 AS {f.Name}"
            : $"(facts & {1 << i}) <> 0 AS {f.Name}");
        Exec(db, $"""
            CREATE OR REPLACE TABLE vouchers AS
            SELECT village_code, voucher_no, vdate, money_out, cash_out, {string.Join(", ", decoded)}, cp_id, cp_name
            FROM (
                SELECT village_code, voucher_no,
                       min(date) AS vdate,
                       CAST(sum(CASE WHEN is_money THEN cr ELSE 0 END) AS DECIMAL(18,2)) AS money_out,
                       CAST(sum(CASE WHEN is_cash THEN cr ELSE 0 END) AS DECIMAL(18,2)) AS cash_out,
                       bit_or({string.Join(" | ", facts)}) AS facts,
                       arg_min(counterparty_id, lkey) FILTER (WHERE counterparty_id IS NOT NULL AND dr > 0 AND is_pay_debit) AS cp_id,
                       arg_min(counterparty, lkey) FILTER (WHERE counterparty IS NOT NULL AND dr > 0 AND is_pay_debit) AS cp_name
                FROM e GROUP BY village_code, voucher_no)
            """);

        Exec(db, """
            CREATE OR REPLACE VIEW payments AS
            SELECT *, coalesce(cp_id, cp_name) AS cp_key,
                   coalesce(cp_name, cp_id) AS cp_label
            FROM vouchers WHERE credits_money AND debits_pay
            """);

        // The evidence reads the classified lines under the package's name.
        Exec(db, "CREATE OR REPLACE VIEW entries AS SELECT * FROM e");

        Exec(db, $"CREATE OR REPLACE VIEW con AS SELECT * FROM contracts WHERE signed_date IS NULL OR signed_date <= {a}");
        Exec(db, $"CREATE OR REPLACE VIEW dec AS SELECT * FROM decisions WHERE date IS NULL OR date <= {a}");
        Exec(db, $"CREATE OR REPLACE VIEW sub AS SELECT * FROM subsidies WHERE pay_date <= {a}");
        Exec(db, $"CREATE OR REPLACE VIEW pet AS SELECT * FROM petitions WHERE received_date <= {a}");
        Exec(db, $"CREATE OR REPLACE VIEW disc AS SELECT * FROM disclosures WHERE published_date <= {a}");

        // Who is tied to a village and when: its cadres while serving, and their relatives.
        Exec(db, """
            CREATE OR REPLACE TABLE links AS
            SELECT village_code, id_number AS person_id, term_start AS from_date, term_end AS to_date,
                   TRUE AS is_cadre, coalesce(name, '') AS cadre_name, coalesce(position, '') AS position, '本人' AS relation
            FROM cadres
            UNION ALL
            SELECT c.village_code, r.relative_id, c.term_start, c.term_end,
                   FALSE, coalesce(c.name, ''), coalesce(c.position, ''), coalesce(r.relation, '近亲属')
            FROM relatives r JOIN cadres c ON c.id_number = r.id_number
            """);
    }

    /// <summary>The SQL condition "person {id} is linked to village {v} at date {d}", and the link's description.</summary>
    public static string LinkedAt(string village, string id, string date) =>
        $"EXISTS (SELECT 1 FROM links l WHERE l.village_code = {village} AND l.person_id = {id} AND (l.from_date IS NULL OR l.from_date <= {date}) AND (l.to_date IS NULL OR l.to_date >= {date}))";

    public static string LinkDescription(string village, string id, string date) =>
        $"(SELECT arg_min(CASE WHEN l.is_cadre THEN l.position || l.cadre_name || '本人' ELSE l.position || l.cadre_name || '的' || l.relation END, CASE WHEN l.is_cadre THEN 0 ELSE 1 END) FROM links l WHERE l.village_code = {village} AND l.person_id = {id} AND (l.from_date IS NULL OR l.from_date <= {date}) AND (l.to_date IS NULL OR l.to_date >= {date}))";

    private static void Exec(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        Trace.Step(sql.Trim().Split('\n')[0][..Math.Min(70, sql.Trim().Split('\n')[0].Length)], () => cmd.ExecuteNonQuery());
    }
}
