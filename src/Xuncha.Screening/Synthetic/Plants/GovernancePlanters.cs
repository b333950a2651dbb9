using Xuncha.Screening.Package;

namespace Xuncha.Screening.Synthetic.Plants;

internal sealed class G01Planter : Planter
{
    public override string Rule => "G01";

    public override void Plant(PlantContext c, int v)
    {
        var b = c.Books(v);
        var code = c.V(v).Code;
        c.B.Expect("G01", code, b.Pay(c.D(7, 2), "expense", 50000m, c.Party("大额收款方")), 50000m);
        c.B.Expect("G01", code, b.Pay(c.D(7, 3), "construction", 60000m, c.Party("大额收款方"), decision: "JC-MISSING"), 60000m);
        b.Pay(c.D(7, 4), "expense", 49999.99m, c.Party("大额收款方"));
        c.Decision(v, $"JC-G01-{code[^4..]}", c.D(6, 20), 70000m);
        b.Pay(c.D(7, 5), "construction", 70000m, c.Party("大额收款方"), decision: $"JC-G01-{code[^4..]}");
    }
}

internal sealed class G02Planter : Planter
{
    public override string Rule => "G02";

    public override void Plant(PlantContext c, int v)
    {
        var code = c.V(v).Code;
        var d = c.D(5, 10);
        var missing = $"JC-G02-{code[^4..]}-1";
        c.B.Add(PackageSchema.Decisions, code, missing, d, "村道改造", 30000m, d.AddDays(-9), d.AddDays(-7), null, d.AddDays(-2), d.AddDays(-1), d.AddDays(20));
        c.B.Expect("G02", code, missing);
        var disorder = $"JC-G02-{code[^4..]}-2";
        c.B.Add(PackageSchema.Decisions, code, disorder, d, "鱼塘发包", 20000m, d.AddDays(-5), d.AddDays(-6), d.AddDays(-4), d.AddDays(-3), d.AddDays(-2), d.AddDays(20));
        c.B.Expect("G02", code, disorder);
        c.B.Add(PackageSchema.Decisions, code, $"JC-G02-{code[^4..]}-3", d, "同日完成", 10000m, d, d, d, d, d, d);
    }
}

internal sealed class G03Planter : Planter
{
    public override string Rule => "G03";

    public override void Plant(PlantContext c, int v)
    {
        var code = c.V(v).Code;
        c.Books(v).Receive(c.D(1, 3), "income", 1000m, summary: "收入");
        c.DisclosureOverrides[(code, $"{c.Year}-Q2")] = null;
        c.B.Expect("G03", code, $"{c.Year}-Q2");
        c.DisclosureOverrides[(code, $"{c.Year}-Q1")] = ($"{c.Year}-Q1", c.D(4, 16));
        c.B.Expect("G03", code, $"{c.Year}-Q1");
        c.DisclosureOverrides[(code, $"{c.Year}-Q3")] = ($"{c.Year}-08", c.D(10, 15));
    }
}

internal sealed class P01Planter : Planter
{
    public override string Rule => "P01";

    public override int Villages => 2;

    public override void Plant(PlantContext c, int v)
    {
        var from = c.AsOf.AddYears(-1);
        Petitions(c, v, from.AddDays(1), c.AsOf.AddDays(-100), c.AsOf);
        c.B.Expect("P01", c.V(v).Code, c.V(v).Code);
        Petitions(c, v + 1, from, c.AsOf.AddDays(-50), c.AsOf.AddDays(-10));
    }

    private static void Petitions(PlantContext c, int v, params DateOnly[] dates)
    {
        var n = 0;
        foreach (var d in dates)
        {
            c.B.Add(PackageSchema.Petitions, c.V(v).Code, $"XF-P01-{c.V(v).Code[^4..]}-{++n}", d, n % 2 == 0 ? "土地征收" : "村务公开",
                "反映问题", "举报人", "13900000000", "办理中");
        }
    }
}
