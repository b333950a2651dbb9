namespace Xuncha.Screening.Synthetic.Plants;

internal sealed class C01Planter : Planter
{
    public override string Rule => "C01";

    public override void Plant(PlantContext c, int v)
    {
        var code = c.V(v).Code[^4..];
        Works(c, v, $"GC-C01-{code}-1", 400000m, "邀请招标", expect: true);
        Works(c, v, $"GC-C01-{code}-2", 399999.99m, "邀请招标", expect: false);
        Works(c, v, $"GC-C01-{code}-3", 500000m, "公开招标", expect: false);
    }

    private static void Works(PlantContext c, int v, string no, decimal amount, string procurement, bool expect)
    {
        c.Decision(v, "JC-" + no, c.D(1, 5), amount, "工程项目");
        c.Contract(v, no, "工程", c.Party("工程公司"), null, amount, c.D(1, 20), procurement: procurement, decision: "JC-" + no, subject: "村道硬化");
        if (expect)
        {
            c.B.Expect("C01", c.V(v).Code, no, amount);
        }
    }
}

internal sealed class C02Planter : Planter
{
    public override string Rule => "C02";

    public override void Plant(PlantContext c, int v)
    {
        var code = c.V(v).Code[^4..];
        var start = c.D(1, 10);
        var x = c.Party("工程公司");
        Sign(c, v, $"GC-C02-{code}-1", "工程", x, 200000m, start);
        Sign(c, v, $"GC-C02-{code}-2", "采购", x, 200000m, start.AddDays(90));
        c.B.Expect("C02", c.V(v).Code, $"GC-C02-{code}-1|GC-C02-{code}-2", 400000m);

        var y = c.Party("工程公司");
        Sign(c, v, $"GC-C02-{code}-3", "工程", y, 200000m, start);
        Sign(c, v, $"GC-C02-{code}-4", "工程", y, 199999.99m, start.AddDays(30));

        var z = c.Party("工程公司");
        Sign(c, v, $"GC-C02-{code}-5", "工程", z, 250000m, start);
        Sign(c, v, $"GC-C02-{code}-6", "工程", z, 250000m, start.AddDays(91));

        var w = c.Party("工程公司");
        Sign(c, v, $"GC-C02-{code}-7", "工程", w, 200000m, start);
        Sign(c, v, $"GC-C02-{code}-8", "租赁", w, 200000m, start.AddDays(10));
    }

    private static void Sign(PlantContext c, int v, string no, string kind, string counterparty, decimal amount, DateOnly signed)
    {
        c.Decision(v, "JC-" + no, signed.AddDays(-10), amount);
        c.Contract(v, no, kind, counterparty, null, amount, signed, procurement: "询价", decision: "JC-" + no);
    }
}

internal sealed class C03Planter : Planter
{
    public override string Rule => "C03";

    public override int Villages => 4;

    public override void Plant(PlantContext c, int v)
    {
        // Five peers at 600 yuan a mu, one contract at 250 (fires) and one at exactly half the median (does not).
        for (var i = 0; i < 5; i++)
        {
            Lease(c, v + i % 4, $"FB-C03-{c.V(v).Code[^4..]}-P{i}", 6000m);
        }

        var low = $"FB-C03-{c.V(v).Code[^4..]}-A";
        Lease(c, v, low, 2500m);
        c.B.Expect("C03", c.V(v).Code, low, 2500m);
        // With other villages' leases around, the median may rise to 650: keep the near miss above half of that.
        Lease(c, v + 1, $"FB-C03-{c.V(v).Code[^4..]}-B", c.WithBackground ? 3300m : 3000m);
    }

    private static void Lease(PlantContext c, int v, string no, decimal annualRent) =>
        c.Contract(v, no, "发包", c.Party("承包户"), null, annualRent * 5, c.D(1, 1), c.D(1, 1), c.D(1, 1).AddYears(5).AddDays(-1),
            "公开协商", 10.0, annualRent, subject: "耕地");
}

internal sealed class C04Planter : Planter
{
    public override string Rule => "C04";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        var code = c.V(v).Code[^4..];
        var no = $"ZL-C04-{code}-1";
        var start = new DateOnly(c.Year - 2, 1, 1);
        c.Decision(v, "JC-" + no, start.AddDays(-20), 300000m);
        c.Contract(v, no, "租赁", c.Party("承租人"), null, 300000m, start, start, start.AddYears(10).AddDays(-1), "公开招标", null, 30000m, "JC-" + no);
        b.Receive(new DateOnly(c.Year - 2, 3, 1), "income", 30000m, contract: no, summary: "租金", flavor: "rent");
        b.Receive(new DateOnly(c.Year - 1, 3, 1), "income", 10000m, contract: no, summary: "租金", flavor: "rent");
        c.B.Expect("C04", c.V(v).Code, $"{no}@{c.Year - 1}", 20000m);

        // Not in force from 1 January: that year is not judged.
        var late = $"ZL-C04-{code}-2";
        c.Contract(v, late, "租赁", c.Party("承租人"), null, 40000m, new DateOnly(c.Year - 1, 1, 2), new DateOnly(c.Year - 1, 1, 2),
            new DateOnly(c.Year + 3, 1, 1), "公开招标", null, 10000m);
    }
}

internal sealed class C05Planter : Planter
{
    public override string Rule => "C05";

    public override void Plant(PlantContext c, int v)
    {
        var code = c.V(v).Code[^4..];
        Lease(c, v, $"ZL-C05-{code}-1", new DateOnly(2010, 1, 1), new DateOnly(2030, 1, 2), true);
        Lease(c, v, $"ZL-C05-{code}-2", new DateOnly(2010, 1, 1), new DateOnly(2030, 1, 1), false);
        Lease(c, v, $"ZL-C05-{code}-3", new DateOnly(2004, 2, 29), new DateOnly(2024, 2, 29), false);
        Lease(c, v, $"ZL-C05-{code}-4", new DateOnly(2008, 2, 29), new DateOnly(2028, 3, 1), true);
    }

    private static void Lease(PlantContext c, int v, string no, DateOnly start, DateOnly end, bool expect)
    {
        c.Contract(v, no, "租赁", c.Party("承租人"), null, 40000m, start, start, end, "公开协商");
        if (expect)
        {
            c.B.Expect("C05", c.V(v).Code, no, 40000m);
        }
    }
}

internal sealed class C06Planter : Planter
{
    public override string Rule => "C06";

    public override void Plant(PlantContext c, int v)
    {
        var code = c.V(v).Code[^4..];
        var cadre = c.Cadre(v, "李主任", "主任", new DateOnly(2021, 1, 1), null);
        var child = c.Relative(cadre, "李主任子女", "子女");
        c.Contract(v, $"CG-C06-{code}-1", "采购", "李主任子女", child, 30000m, c.D(2, 10));
        c.B.Expect("C06", c.V(v).Code, $"CG-C06-{code}-1", 30000m);
        c.Contract(v, $"CG-C06-{code}-2", "服务", "李主任", cadre, 20000m, c.D(3, 1));
        c.B.Expect("C06", c.V(v).Code, $"CG-C06-{code}-2", 20000m);

        // Signed before he took office.
        c.Contract(v, $"CG-C06-{code}-3", "采购", "李主任子女", child, 30000m, new DateOnly(2020, 6, 1));
    }
}

internal sealed class C07Planter : Planter
{
    public override string Rule => "C07";

    public override void Plant(PlantContext c, int v)
    {
        var code = c.V(v).Code[^4..];
        c.Contract(v, $"GC-C07-{code}-1", "工程", c.Party("工程公司"), null, 50000m, c.D(2, 1), decision: null);
        c.B.Expect("C07", c.V(v).Code, $"GC-C07-{code}-1", 50000m);
        c.Contract(v, $"CG-C07-{code}-2", "采购", c.Party("供货商"), null, 80000m, c.D(2, 2), decision: "JC-NOT-FOUND");
        c.B.Expect("C07", c.V(v).Code, $"CG-C07-{code}-2", 80000m);
        c.Contract(v, $"GC-C07-{code}-3", "工程", c.Party("工程公司"), null, 49999.99m, c.D(2, 3));
        c.Decision(v, $"JC-C07-{code}", c.D(1, 20), 60000m);
        c.Contract(v, $"GC-C07-{code}-4", "工程", c.Party("工程公司"), null, 60000m, c.D(2, 4), decision: $"JC-C07-{code}");
    }
}
