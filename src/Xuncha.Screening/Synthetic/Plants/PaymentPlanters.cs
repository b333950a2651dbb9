namespace Xuncha.Screening.Synthetic.Plants;

internal sealed class R01Planter : Planter
{
    public override string Rule => "R01";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        var fire = b.Voucher(c.D(3, 5),
            new Line("construction", 12000m, 0, c.Party("修路队"), Invoice: Books.NewInvoice(), Summary: "修路"),
            new Line("income", 0, 12000m, Summary: "卫生费", Flavor: "other"));
        c.B.Expect("R01", c.V(v).Code, fire, 12000m);
        var payable = b.Voucher(c.D(3, 7),
            new Line("payable", 3000m, 0, c.Party("应付款户")),
            new Line("income", 0, 3000m, Summary: "资产租金", Flavor: "other"));
        c.B.Expect("R01", c.V(v).Code, payable, 3000m);

        // Near miss: the income passes through the bank within the same voucher.
        b.Voucher(c.D(3, 6),
            new Line("bank", 12000m, 0),
            new Line("income", 0, 12000m, Summary: "卫生费", Flavor: "other"),
            new Line("construction", 12000m, 0, c.Party("修路队"), Invoice: Books.NewInvoice()),
            new Line("bank", 0, 12000m));
    }
}

internal sealed class R02Planter : Planter
{
    public override string Rule => "R02";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        c.B.Expect("R02", c.V(v).Code, b.Pay(c.D(5, 6), "expense", 1000m, c.Party("现金收款人"), moneyClass: "cash"), 1000m);
        c.B.Expect("R02", c.V(v).Code, b.Pay(c.D(5, 7), "expense", 1500m, c.Party("现金收款人"), method: "现金"), 1500m);
        b.Pay(c.D(5, 8), "expense", 999.99m, c.Party("现金收款人"), moneyClass: "cash");
        b.Pay(c.D(5, 9), "expense", 2000m, c.Party("转账收款人"));
    }
}

internal sealed class R03Planter : Planter
{
    public override string Rule => "R03";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        c.B.Expect("R03", c.V(v).Code, b.Pay(c.D(4, 2), "expense", 500m, c.Party("白条收款人"), invoice: false), 500m);
        b.Pay(c.D(4, 3), "expense", 499.99m, c.Party("白条收款人"), invoice: false);

        // An accrual without an invoice moves no money; paying it later debits the payable, not an expense.
        var supplier = c.Party("应付供应商");
        b.Voucher(c.D(4, 4), new Line("expense", 800m, 0, supplier), new Line("payable", 0, 800m, supplier));
        b.Pay(c.D(4, 20), "payable", 800m, supplier);
    }
}

internal sealed class R04Planter : Planter
{
    public override string Rule => "R04";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        var team = c.Party("分包队");
        var group = new[]
        {
            b.Pay(c.D(6, 1), "construction", 20000m, team),
            b.Pay(c.D(6, 16), "construction", 18000m, team),
            b.Pay(c.D(7, 16), "construction", 15000m, team),
        };
        c.B.Expect("R04", c.V(v).Code, string.Join('|', group.Order(StringComparer.Ordinal)), 53000m);

        var under = c.Party("分包队");
        b.Pay(c.D(8, 1), "construction", 24000m, under);
        b.Pay(c.D(8, 20), "construction", 25999.99m, under);

        var apart = c.Party("分包队");
        b.Pay(c.D(9, 1), "construction", 30000m, apart);
        b.Pay(c.D(9, 1).AddDays(31), "construction", 29000m, apart);

        var big = c.Party("分包队");
        c.Decision(v, $"JC-R04-{c.V(v).Code[^4..]}", c.D(10, 20), 50000m);
        b.Pay(c.D(11, 1), "construction", 30000m, big);
        b.Pay(c.D(11, 10), "construction", 50000m, big, decision: $"JC-R04-{c.V(v).Code[^4..]}");
    }
}

internal sealed class R05Planter : Planter
{
    public override string Rule => "R05";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        var code = c.V(v).Code;
        var twice = c.Party("供货商");
        var first = b.Pay(c.D(2, 1), "expense", 8000m, twice);
        var second = b.Pay(c.D(2, 1).AddDays(90), "expense", 8000m, twice);
        c.B.Expect("R05", code, Pair(first, second), 8000m);

        var late = c.Party("供货商");
        b.Pay(c.D(2, 2), "expense", 8000m, late);
        b.Pay(c.D(2, 2).AddDays(91), "expense", 8000m, late);

        var small = c.Party("供货商");
        b.Pay(c.D(3, 2), "expense", 999.99m, small);
        b.Pay(c.D(3, 12), "expense", 999.99m, small);

        var instalments = c.Party("供货商");
        var contract = $"CG-R05-{code[^4..]}";
        c.Contract(v, contract, "采购", instalments, null, 12000m, c.D(1, 10), procurement: "询价");
        b.Pay(c.D(4, 1), "expense", 6000m, instalments, contract: contract);
        b.Pay(c.D(4, 20), "expense", 6000m, instalments, contract: contract);

        var invoice = $"FP-DUP-{code[^4..]}";
        var a = b.Pay(c.D(3, 1), "expense", 3000m, c.Party("报销人"), invoiceNo: invoice);
        var z = b.Pay(c.D(3, 20), "expense", 4000m, c.Party("报销人"), invoiceNo: invoice);
        c.B.Expect("R05", code, Pair(a, z), 4000m);
    }

    private static string Pair(string a, string b) => string.Join('|', new[] { a, b }.Order(StringComparer.Ordinal));
}

internal sealed class R06Planter : Planter
{
    public override string Rule => "R06";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        var code = c.V(v).Code;
        var cadre = c.Cadre(v, "钱书记", "书记", new DateOnly(2021, 1, 1), null);
        var spouse = c.Relative(cadre, "钱书记配偶", "配偶");
        c.B.Expect("R06", code, b.Pay(c.D(6, 18), "expense", 35000m, "钱书记配偶", spouse), 35000m);
        c.B.Expect("R06", code, b.Pay(c.D(6, 19), "expense", 2000m, "钱书记", cadre, summary: "劳务费"), 2000m);

        // His own pay is exempt; a cadre whose term ended is no longer linked.
        b.Pay(c.D(6, 15), "payroll", 4000m, "钱书记", cadre, summary: "干部报酬");
        var former = c.Cadre(v, "孙委员", "委员", new DateOnly(2015, 1, 1), new DateOnly(2020, 12, 31));
        b.Pay(c.D(6, 20), "expense", 5000m, "孙委员", former);
    }
}

internal sealed class R07Planter : Planter
{
    public override string Rule => "R07";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        var limit = c.AsOf.AddYears(-3);
        var debtor = c.B.NewPersonId(new DateOnly(1980, 2, 2));
        var old = b.Pay(limit.AddDays(-1), "receivable", 20000m, "欠款人甲", debtor);
        b.Receive(limit.AddDays(100), "receivable", 5000m, "欠款人甲", debtor);
        c.B.Expect("R07", c.V(v).Code, old, 15000m);

        var edge = c.B.NewPersonId(new DateOnly(1981, 3, 3));
        b.Pay(limit, "receivable", 10000m, "欠款人乙", edge);

        var settled = c.B.NewPersonId(new DateOnly(1982, 4, 4));
        b.Pay(limit.AddYears(-1), "receivable", 9000m, "欠款人丙", settled);
        b.Receive(limit.AddYears(-1).AddDays(200), "receivable", 9000m, "欠款人丙", settled);
    }
}

internal sealed class R08Planter : Planter
{
    public override string Rule => "R08";

    public override int Villages => 3;

    public override void Plant(PlantContext c, int v)
    {
        // 320 payments that all start with 5: far from Benford.
        Fives(c, v, 320);
        c.B.Expect("R08", c.V(v).Code, c.V(v).Code);
        if (!c.WithBackground)
        {
            // 299 payments are too few to judge, also when tiny payments under 10 yuan are added.
            Fives(c, v + 1, 299);
            Fives(c, v + 2, 299);
            var b = c.Books(v + 2);
            for (var i = 0; i < 5; i++)
            {
                b.Pay(c.D(12, 1 + i), "expense", 9.99m, c.Party("小额"));
            }
        }
    }

    private static void Fives(PlantContext c, int v, int count)
    {
        var b = c.Books(v);
        for (var i = 0; i < count; i++)
        {
            b.Pay(c.D(1 + i % 12, 1 + i % 28), "expense", 500m + i % 100 + i / 100 * 0.01m, c.Party("五字头"));
        }
    }
}
