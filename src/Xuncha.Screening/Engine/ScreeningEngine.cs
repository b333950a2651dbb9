using System.Diagnostics;
using DuckDB.NET.Data;
using Xuncha.Screening.Package;

namespace Xuncha.Screening.Engine;

/// <summary>Loads a package into an embedded DuckDB, prepares the shared views and runs the rule pack.</summary>
public static class ScreeningEngine
{
    public static ScreeningRun Run(string packagePath, ScreeningOptions? options = null)
    {
        options ??= new ScreeningOptions();
        var config = options.Config ?? RulePackConfig.Default;
        var total = Stopwatch.StartNew();
        using var scratch = Scratch.Open(packagePath);
        var db = scratch.Connection;
        options.Progress?.Invoke("读取数据包");
        var package = PackageLoader.Load(packagePath, db);
        var loadTime = total.Elapsed;

        var (asOf, asOfSource) = options.AsOf is { } given ? (given, "--as-of") : DefaultAsOf(db);
        options.Progress?.Invoke("准备数据");
        Preparation.Run(db, asOf);
        var notes = Trace.Step("chart notes", () => package.Notes.Concat(ChartNotes(db)).ToList());

        var outcomes = new List<RuleOutcome>();
        var candidates = new List<(Rule Rule, LeadRow Row, RuleContext Ctx)>();
        foreach (var rule in RulePack.Rules)
        {
            var card = rule.Card;
            var thresholds = config.ThresholdsFor(rule);
            if (!config.IsEnabled(card.Code))
            {
                outcomes.Add(new RuleOutcome(card.Code, card.Name, 0, ScreeningRun.Disabled, "规则文件中已停用", TimeSpan.Zero, thresholds));
                continue;
            }

            var missing = card.Tables.Where(t => !package.Tables.Contains(t)).ToList();
            if (missing.Count > 0)
            {
                var names = string.Join("、", missing.Select(t => $"{t}（{PackageSchema.FindTable(t)!.Chinese}）"));
                outcomes.Add(new RuleOutcome(card.Code, card.Name, 0, ScreeningRun.Skipped, $"数据包中没有 {names} 表", TimeSpan.Zero, thresholds));
                continue;
            }

            options.Progress?.Invoke($"{card.Code} {card.Name}");
            var watch = Stopwatch.StartNew();
            var counties = config.CountiesOverriding(rule);
            if (counties.Count == 0)
            {
                var ctx = new RuleContext(db, asOf, thresholds);
                candidates.AddRange(Trace.Step(card.Code, () => rule.Run(ctx).ToList()).Select(r => (rule, r, ctx)));
                outcomes.Add(new RuleOutcome(card.Code, card.Name, 0, ScreeningRun.Ran, null, watch.Elapsed, thresholds));
                continue;
            }

            // Counties with their own thresholds: the rule runs once on the other villages and once per such county.
            var recorded = new Dictionary<string, decimal>(thresholds);
            try
            {
                CountyFilter.Restrict(db, $"left(village_code, 6) NOT IN ({string.Join(", ", counties.Select(c => $"'{c}'"))})");
                var ctx = new RuleContext(db, asOf, thresholds);
                candidates.AddRange(rule.Run(ctx).ToList().Select(r => (rule, r, ctx)));
                foreach (var county in counties)
                {
                    var own = config.ThresholdsFor(rule, county);
                    CountyFilter.Restrict(db, $"left(village_code, 6) = '{county}'");
                    var countyCtx = new RuleContext(db, asOf, own);
                    candidates.AddRange(rule.Run(countyCtx).ToList().Select(r => (rule, r, countyCtx)));
                    foreach (var (k, v) in own.Where(t => thresholds[t.Key] != t.Value))
                    {
                        recorded[$"{county}:{k}"] = v;
                    }
                }
            }
            finally
            {
                CountyFilter.Lift(db);
            }

            outcomes.Add(new RuleOutcome(card.Code, card.Name, 0, ScreeningRun.Ran, $"按县覆盖阈值：{string.Join("、", counties)}", watch.Elapsed, recorded));
        }

        var leads = Merge(candidates);
        var evidence = new Dictionary<Lead, IReadOnlyList<Evidence.EvidenceTable>>();
        if (options.CollectEvidence)
        {
            options.Progress?.Invoke("收集证据");
            foreach (var lead in leads)
            {
                evidence[lead] = Evidence.EvidenceCollector.Collect(db, lead, asOf);
            }
        }

        var counts = leads.GroupBy(l => l.RuleCode).ToDictionary(g => g.Key, g => g.Count());
        outcomes = outcomes.Select(o => o with { Leads = counts.GetValueOrDefault(o.Code) }).ToList();
        var roster = options.CollectRoster ? PackageRoster.Read(db, package.Tables) : null;
        return new ScreeningRun(RulePack.Version, asOf, asOfSource, package.RowsPerTable, outcomes, leads, evidence, ReadVillages(db), notes, loadTime, total.Elapsed)
        {
            Roster = roster,
        };
    }

    /// <summary>One lead per (rule, village, ref); when several rows share one, their amounts add up.</summary>
    private static List<Lead> Merge(List<(Rule Rule, LeadRow Row, RuleContext Ctx)> candidates)
    {
        var merged = new Dictionary<(string, string, string), Lead>();
        foreach (var (rule, row, ctx) in candidates)
        {
            var reference = string.Join('|', row.Ref.Split('\u001f').Order(StringComparer.Ordinal));
            var key = (rule.Card.Code, row.VillageCode, reference);
            var amount = row.Amount;
            if (merged.TryGetValue(key, out var existing))
            {
                merged[key] = existing with { Amount = existing.Amount is null && amount is null ? null : (existing.Amount ?? 0) + (amount ?? 0) };
                continue;
            }

            var explanation = rule.Explain(row, ctx);
            merged[key] = new Lead(rule.Card.Code, rule.Card.Name, rule.Card.Severity, row.VillageCode, reference, amount, explanation);
        }

        return merged.Values
            .OrderBy(l => RulePack.OrderOf(l.RuleCode))
            .ThenBy(l => l.VillageCode, StringComparer.Ordinal)
            .ThenBy(l => l.Ref, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The latest entry date; without entries, the latest date anywhere in the package.</summary>
    private static (DateOnly, string) DefaultAsOf(DuckDBConnection db)
    {
        var latest = Scalar(db, "SELECT max(date) FROM entry_lines");
        if (latest is not null)
        {
            return (latest.Value, "entries 中最晚的记账日期");
        }

        var any = Scalar(db, """
            SELECT max(d) FROM (
                SELECT max(signed_date) AS d FROM contracts UNION ALL SELECT max(pay_date) FROM subsidies
                UNION ALL SELECT max(date) FROM decisions UNION ALL SELECT max(received_date) FROM petitions
                UNION ALL SELECT max(published_date) FROM disclosures)
            """);
        return any is not null
            ? (any.Value, "数据包中最晚的日期（无记账凭证）")
            : (DateOnly.FromDateTime(DateTime.Today), "今天（数据包中没有日期）");
    }

    private static DateOnly? Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => null,
        };
    }

    private static List<PackageVillage> ReadVillages(DuckDBConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT village_code, village_name, population, collective_income, weak_org, key_work_score, last_inspected, chart, _line FROM villages ORDER BY village_code";
        using var r = cmd.ExecuteReader();
        var list = new List<PackageVillage>();
        while (r.Read())
        {
            list.Add(new PackageVillage(
                r.GetString(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetInt32(2),
                r.IsDBNull(3) ? null : r.GetDecimal(3),
                r.IsDBNull(4) ? null : r.GetBoolean(4),
                r.IsDBNull(5) ? null : r.GetDouble(5),
                r.IsDBNull(6) ? null : DateOnly.FromDateTime(r.GetDateTime(6)),
                r.IsDBNull(7) ? null : r.GetString(7),
                r.GetInt32(8)));
        }

        return list;
    }

    private static IEnumerable<string> ChartNotes(DuckDBConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT chart, reason, count(*) FROM village_chart GROUP BY 1, 2 ORDER BY 1, 2
            """;
        using var reader = cmd.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
        {
            var why = reader.GetString(1) switch
            {
                "declared" => "村社表中已声明",
                "names" => "按科目名称匹配",
                "tie" => "名称匹配持平，按首笔记账日期",
                _ => "无记账凭证，默认",
            };
            parts.Add($"{reader.GetString(0)} 制度 {reader.GetInt64(2)} 个（{why}）");
        }

        if (parts.Count > 0)
        {
            yield return "会计制度识别：" + string.Join("；", parts);
        }

        cmd.CommandText = "SELECT string_agg(DISTINCT account_code || ' ' || coalesce(account_name, ''), '、') FROM e WHERE cls = 'other'";
        if (cmd.ExecuteScalar() is string other && other.Length > 0)
        {
            yield return "未能归类的科目（按 other 处理）：" + other;
        }
    }
}
