using Xuncha.Screening.Package;

namespace Xuncha.Screening.Synthetic;

/// <summary>
/// Ordinary, rule-abiding books for a village: nothing here may raise a lead. Payments go by bank
/// with invoices, large ones with a decision, amounts follow Benford's law (a golden-ratio
/// sequence of mantissas), counterparties do not repeat, receivables are settled, rent comes in,
/// every quarter's accounts are published on time.
/// </summary>
internal sealed class Background(PackageBuilder b, GeneratorOptions o)
{
    private const double GoldenRatio = 0.6180339887498949;

    public void Write(SyntheticVillage v, int index)
    {
        var books = new Books(b, v);
        var rnd = new Random(o.Seed ^ StableHash(v.Code));
        var mantissa = rnd.NextDouble();
        decimal BenfordAmount(int minExp, int maxExp)
        {
            mantissa = (mantissa + GoldenRatio) % 1.0;
            var exp = rnd.Next(minExp, maxExp + 1);
            var value = Math.Pow(10, exp + mantissa);
            var amount = decimal.Round((decimal)value, 2);
            var top = (decimal)Math.Pow(10, exp + 1) - 0.01m;
            return Math.Min(amount, top);
        }

        var secretary = Cadre(v, "书记", rnd, new DateOnly(2021, 1, 1), null);
        var director = Cadre(v, "主任", rnd, new DateOnly(2021, 1, 1), null);
        Cadre(v, "委员", rnd, new DateOnly(2021, 1, 1), null);
        Cadre(v, "报账员", rnd, new DateOnly(2021, 1, 1), null);
        Cadre(v, "委员", rnd, new DateOnly(2014, 1, 1), new DateOnly(2020, 12, 31));

        var start = new DateOnly(o.End.Year - o.Years + 1, 1, 1);
        var counter = 0;
        string Supplier() => $"{v.Name}往来户{++counter:0000}";

        // Long-running leases of land and ponds, rent paid each March.
        var leases = new List<(string No, decimal Rent, string Kind)>();
        for (var k = 0; k < 2; k++)
        {
            var kind = k == 0 ? "发包" : "租赁";
            var no = $"{(k == 0 ? "FB" : "ZL")}-{v.Code[^4..]}-{k + 1}";
            var area = rnd.Next(10, 60);
            var rent = area * rnd.Next(550, 651);
            // Leases begin with the period, so a planter's older entries never make an earlier year look unpaid.
            var leaseStart = new DateOnly(start.Year, 1, 1);
            var decision = $"JC-{v.Code[^4..]}-L{k}";
            books.Decision(decision, leaseStart.AddDays(-30), $"{kind}集体{(k == 0 ? "耕地" : "鱼塘")}", rent * 15);
            b.Add(PackageSchema.Contracts, v.Code, no, kind, k == 0 ? "集体耕地" : "鱼塘", Supplier(), null, (decimal)rent * 15,
                leaseStart, leaseStart, leaseStart.AddYears(15).AddDays(-1), "公开招标", (double)area, (decimal)rent, decision);
            leases.Add((no, rent, kind));
        }

        for (var year = start.Year; year <= o.End.Year; year++)
        {
            foreach (var lease in leases)
            {
                books.Receive(new DateOnly(year, 3, 15), "income", lease.Rent, contract: lease.No, summary: $"{lease.Kind}租金", flavor: "rent");
            }

            // One works project a year, paid once in full with its decision.
            var amount = decimal.Round((decimal)(60000 + rnd.Next(0, 320000)), 2);
            var projectNo = $"GC-{v.Code[^4..]}-{year}";
            var projectDecision = $"JC-{v.Code[^4..]}-{year}";
            var company = $"{v.Township}某建设有限公司{v.Code[^3..]}{year}";
            books.Decision(projectDecision, new DateOnly(year, 4, 1), "村道维修工程", amount);
            b.Add(PackageSchema.Contracts, v.Code, projectNo, "工程", "村道维修", company, null, amount,
                new DateOnly(year, 4, 20), new DateOnly(year, 5, 1), new DateOnly(year, 9, 30), "询价", null, null, projectDecision);
            books.Pay(new DateOnly(year, 10, 20), "construction", amount, company, decision: projectDecision, contract: projectNo, summary: "村道维修工程款");

            // A small loan to a villager, repaid two months later.
            var loanDate = new DateOnly(year, rnd.Next(1, 9), 10);
            var borrower = b.NewPersonId(new DateOnly(1970 + rnd.Next(0, 30), 1 + rnd.Next(0, 12), 1 + rnd.Next(0, 28)));
            var loan = 1000m * rnd.Next(2, 9);
            books.Pay(loanDate, "receivable", loan, "村民借款人", borrower, summary: "借款");
            books.Receive(loanDate.AddMonths(2), "receivable", loan, "村民借款人", borrower, summary: "还款");

            for (var month = 1; month <= 12; month++)
            {
                var first = new DateOnly(year, month, 1);
                if (first > o.End)
                {
                    break;
                }

                books.Receive(first.AddDays(4), "income", decimal.Round((decimal)(5000 + rnd.Next(0, 45000)), 2), summary: "经营收入");
                var salary = 3000m + 500m * (index % 4);
                books.Voucher(first.AddDays(14),
                    new Line("expense", salary * 2, 0, Summary: "计提干部报酬"),
                    new Line("payroll", 0, salary * 2));
                foreach (var c in new[] { secretary, director })
                {
                    books.Pay(first.AddDays(14), "payroll", salary, c.Name, c.Id, summary: "干部报酬");
                }

                for (var p = 0; p < o.PaymentsPerMonth; p++)
                {
                    var day = first.AddDays(rnd.Next(0, DateTime.DaysInMonth(year, month)));
                    var flavor = (p % 3) switch { 0 => "office", 1 => "business", _ => "" };
                    books.Pay(day, "expense", BenfordAmount(1, 3), Supplier(), summary: "日常支出", flavor: flavor);
                }

                // Petty cash: topped up from the bank, spent in small sums.
                books.Voucher(first.AddDays(2), new Line("cash", 1000, 0), new Line("bank", 0, 1000));
                var petty = BenfordAmount(1, 2);
                books.Pay(first.AddDays(9), "expense", Math.Min(petty, 999m), Supplier(), moneyClass: "cash", summary: "零星支出");
            }

            for (var q = 1; q <= 4; q++)
            {
                var quarterEnd = new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);
                b.Add(PackageSchema.Disclosures, v.Code, $"{year}-Q{q}", "村务", quarterEnd.AddDays(rnd.Next(3, 40)));
            }

            // Petitions only in earlier years: the last twelve months stay quiet unless a planter says otherwise.
            if (year < o.End.Year && rnd.Next(0, 3) == 0)
            {
                b.Add(PackageSchema.Petitions, v.Code, $"XF-{v.Code[^4..]}-{year}", new DateOnly(year, rnd.Next(1, 13), 10),
                    "村务公开", "反映村务公开不及时", "举报人", "13800000000", "已办结");
            }
        }

        Subsidies(v, rnd, start);
        var deceased = b.NewPersonId(new DateOnly(1935, 5, 5));
        b.Add(PackageSchema.Deaths, deceased, "已故村民", new DateOnly(o.End.Year - 1, 6, 1));
    }

    private static int StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s)
        {
            h = (h ^ ch) * 16777619u;
        }

        return (int)h;
    }

    private (string Name, string Id) Cadre(SyntheticVillage v, string position, Random rnd, DateOnly from, DateOnly? to)
    {
        var id = b.NewPersonId(new DateOnly(1965 + rnd.Next(0, 20), 1 + rnd.Next(0, 12), 1 + rnd.Next(0, 28)));
        var name = $"{v.Name[..Math.Min(2, v.Name.Length)]}{position}";
        b.Add(PackageSchema.Cadres, v.Code, name, id, position, from, to);
        b.Add(PackageSchema.Relatives, id, name + "配偶", b.NewPersonId(new DateOnly(1968, 3, 3)), "配偶");
        b.Add(PackageSchema.Relatives, id, name + "子女", b.NewPersonId(new DateOnly(1992, 7, 7)), "子女");
        return (name, id);
    }

    private void Subsidies(SyntheticVillage v, Random rnd, DateOnly start)
    {
        for (var r = 0; r < o.SubsidyRecipients; r++)
        {
            var id = b.NewPersonId(new DateOnly(1940 + rnd.Next(0, 40), 1 + rnd.Next(0, 12), 1 + rnd.Next(0, 28)));
            var program = (r % 3) switch { 0 => "低保", 1 => "高龄补贴", _ => "残疾人两项补贴" };
            var amount = program == "低保" ? 820m : 200m;
            for (var month = start; month <= o.End; month = month.AddMonths(1))
            {
                b.Add(PackageSchema.Subsidies, v.Code, program, $"领取人{r}", id, amount, month.AddDays(19), $"{month:yyyy-MM}");
            }
        }
    }
}
