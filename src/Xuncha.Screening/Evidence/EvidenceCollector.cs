using System.Globalization;
using DuckDB.NET.Data;
using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Evidence;

/// <summary>Rows that back a lead, copied out of the package before the scratch database is dropped.</summary>
public sealed record EvidenceTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>
/// Collects each lead's evidence by the kind of its ref: voucher lines, contracts with the
/// entries that carry their number, subsidy rows, decisions, disclosures. Petition reporters
/// are protected data and are never copied.
/// </summary>
internal static class EvidenceCollector
{
    private const string EntryColumns =
        "voucher_no AS 凭证号, date AS 记账日期, line_no AS 分录号, account_code AS 科目代码, account_name AS 科目名称, summary AS 摘要, " +
        "debit AS 借方金额, credit AS 贷方金额, counterparty AS 往来单位或个人, counterparty_id AS 往来方证件号, pay_method AS 结算方式, " +
        "invoice_no AS 发票号码, decision_no AS 决策编号, contract_no AS 合同编号, _line AS 行号";

    public static IReadOnlyList<EvidenceTable> Collect(DuckDBConnection db, Lead lead, DateOnly asOf)
    {
        var v = Q(lead.VillageCode);
        var keys = lead.Ref.Split('|');
        var list = string.Join(", ", keys.Select(Q));
        var tables = new List<EvidenceTable>();
        switch (lead.RuleCode)
        {
            case "R01" or "R02" or "R03" or "R04" or "R05" or "R06" or "R07" or "G01":
                tables.Add(Query(db, "记账凭证分录", $"SELECT {EntryColumns} FROM entries WHERE village_code = {v} AND voucher_no IN ({list}) ORDER BY voucher_no, line_no, _line"));
                if (lead.RuleCode == "R06")
                {
                    tables.Add(Query(db, "村干部及亲属关联", $"""
                        SELECT l.position AS 职务, l.cadre_name AS 干部, l.relation AS 关系, l.person_id AS 证件号, l.from_date AS 任职起始, l.to_date AS 任职终止
                        FROM links l JOIN payments p ON p.cp_id = l.person_id AND p.village_code = l.village_code
                        WHERE p.village_code = {v} AND p.voucher_no IN ({list})
                        """));
                }

                break;
            case "C01" or "C02" or "C03" or "C04" or "C05" or "C06" or "C07":
                var numbers = string.Join(", ", keys.Select(k => Q(k.Split('@')[0])));
                tables.Add(Query(db, "合同", $"""
                    SELECT contract_no AS 合同编号, kind AS 合同类型, subject AS 标的, counterparty AS 相对方, counterparty_id AS 相对方证件号,
                           amount AS 合同金额, signed_date AS 签订日期, start_date AS 起始日期, end_date AS 终止日期, procurement AS 采购方式,
                           area_mu AS 面积亩, annual_rent AS 年租金, decision_no AS 决策编号, _line AS 行号
                    FROM contracts WHERE village_code = {v} AND contract_no IN ({numbers}) ORDER BY contract_no
                    """));
                tables.Add(Query(db, "带该合同编号的记账凭证分录", $"SELECT {EntryColumns} FROM entries WHERE village_code = {v} AND contract_no IN ({numbers}) ORDER BY date, voucher_no, line_no"));
                break;
            case "S01" or "S02" or "S03" or "S04":
                var id = Q(keys[0].Split('@')[0]);
                var period = keys[0].Contains('@') ? $" AND period = {Q(keys[0].Split('@')[1])}" : "";
                var villages = lead.RuleCode == "S03" ? "" : $"village_code = {v} AND ";
                tables.Add(Query(db, "惠民惠农资金发放", $"""
                    SELECT village_code AS 村社代码, program AS 项目, recipient_name AS 领取人, recipient_id AS 领取人身份证号, amount AS 金额,
                           pay_date AS 发放日期, period AS 所属期间, _line AS 行号
                    FROM subsidies WHERE {villages}recipient_id = {id}{period} ORDER BY pay_date
                    """));
                if (lead.RuleCode == "S01")
                {
                    tables.Add(Query(db, "死亡人员", $"SELECT id_number AS 身份证号, name AS 姓名, death_date AS 死亡日期, _line AS 行号 FROM deaths WHERE id_number = {id}"));
                }

                if (lead.RuleCode == "S02")
                {
                    tables.Add(Query(db, "村干部及亲属关联", $"SELECT position AS 职务, cadre_name AS 干部, relation AS 关系, from_date AS 任职起始, to_date AS 任职终止 FROM links WHERE village_code = {v} AND person_id = {id}"));
                }

                break;
            case "G02":
                tables.Add(Query(db, "民主决策", $"""
                    SELECT decision_no AS 决策编号, date AS 日期, subject AS 事项, amount AS 金额, proposed AS 党组织提议, discussed AS 两委商议,
                           reviewed AS 党员大会审议, resolved AS 村民代表会议决议, resolution_published AS 决议公开, result_published AS 实施结果公开, _line AS 行号
                    FROM decisions WHERE village_code = {v} AND decision_no IN ({list})
                    """));
                break;
            case "G03":
                var year = keys[0][..4];
                tables.Add(Query(db, "村务公开记录（当年）", $"""
                    SELECT period AS 期间, kind AS 类别, published_date AS 公开日期, _line AS 行号
                    FROM disclosures WHERE village_code = {v} AND left(period, 4) = {Q(year)} ORDER BY published_date
                    """));
                break;
            case "P01":
                // Reporter name and phone are protected: never part of evidence.
                tables.Add(Query(db, "信访举报（近 12 个月）", $"""
                    SELECT petition_no AS 编号, received_date AS 受理日期, category AS 类别, summary AS 摘要, status AS 办理状态, _line AS 行号
                    FROM petitions WHERE village_code = {v} AND received_date > {RuleContext.Sql(asOf.AddYears(-1))} AND received_date <= {RuleContext.Sql(asOf)}
                    ORDER BY received_date
                    """));
                break;
            case "R08":
                tables.Add(Query(db, "付款金额首位数字分布", $"""
                    WITH p AS (SELECT CAST(left(CAST(CAST(floor(money_out) AS BIGINT) AS VARCHAR), 1) AS INTEGER) AS d
                               FROM payments WHERE village_code = {v} AND debits_exp_con AND money_out >= 10)
                    SELECT g.d AS 首位数字, count(p.d) AS 笔数, round(100.0 * count(p.d) / (SELECT count(*) FROM p), 1) AS 实际占比,
                           round(100 * log10(1 + 1 / g.d), 1) AS 本福特占比
                    FROM (SELECT unnest(range(1, 10)) AS d) g LEFT JOIN p ON p.d = g.d GROUP BY g.d ORDER BY g.d
                    """));
                break;
        }

        return tables.Where(t => t.Rows.Count > 0).ToList();
    }

    private static string Q(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static EvidenceTable Query(DuckDBConnection db, string title, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read() && rows.Count < 500)
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Text(reader.GetValue(i))).ToList());
        }

        return new EvidenceTable(title, columns, rows);
    }

    private static string? Text(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("#,##0.00", CultureInfo.InvariantCulture),
        double x => x.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
