namespace Xuncha.Screening.Synthetic.Plants;

internal sealed class S01Planter : Planter
{
    public override string Rule => "S01";

    public override void Plant(PlantContext c, int v)
    {
        var died = c.D(1, 5);
        var x = c.B.NewPersonId(new DateOnly(1940, 1, 1));
        c.B.Add(Package.PackageSchema.Deaths, x, "已故甲", died);
        c.B.Add(Package.PackageSchema.Deaths, x, "已故甲", c.D(3, 1));
        c.Subsidy(v, "低保", "已故甲", x, 820m, c.D(1, 20), $"{c.Year}-01");
        c.Subsidy(v, "低保", "已故甲", x, 820m, died.AddDays(32), $"{c.Year}-02");
        c.B.Expect("S01", c.V(v).Code, $"{x}@{c.Year}-02", 820m);

        var z = c.B.NewPersonId(new DateOnly(1941, 1, 1));
        c.B.Add(Package.PackageSchema.Deaths, z, "已故乙", died);
        c.Subsidy(v, "低保", "已故乙", z, 820m, died.AddDays(31), $"{c.Year}-02");
    }
}

internal sealed class S02Planter : Planter
{
    public override string Rule => "S02";

    public override int Villages => 2;

    public override void Plant(PlantContext c, int v)
    {
        var cadre = c.Cadre(v, "周委员", "委员", new DateOnly(2021, 1, 1), null);
        var parent = c.Relative(cadre, "周委员父亲", "父母", new DateOnly(1950, 2, 2));
        c.Subsidy(v, "低保", "周委员父亲", parent, 820m, c.D(3, 20), $"{c.Year}-03");
        c.B.Expect("S02", c.V(v).Code, $"{parent}@{c.Year}-03", 820m);
        c.Subsidy(v, "高龄补贴", "周委员父亲", parent, 200m, c.D(4, 20), $"{c.Year}-04");

        // A relative of another village's cadre is not favoured by this one.
        var other = c.Cadre(v + 1, "吴书记", "书记", new DateOnly(2021, 1, 1), null);
        var sibling = c.Relative(other, "吴书记兄弟", "兄弟姐妹", new DateOnly(1966, 6, 6));
        c.Subsidy(v, "低保", "吴书记兄弟", sibling, 820m, c.D(3, 20), $"{c.Year}-03");
    }
}

internal sealed class S03Planter : Planter
{
    public override string Rule => "S03";

    public override int Villages => 2;

    public override void Plant(PlantContext c, int v)
    {
        var r = c.B.NewPersonId(new DateOnly(1952, 5, 5));
        c.Subsidy(v, "低保", "重复甲", r, 820m, c.D(5, 20), $"{c.Year}-05");
        c.Subsidy(v, "低保", "重复甲", r, 820m, c.D(5, 25), $"{c.Year}-05");
        c.B.Expect("S03", c.V(v).Code, $"{r}@{c.Year}-05", 1640m);

        var q = c.B.NewPersonId(new DateOnly(1935, 6, 6));
        c.Subsidy(v, "高龄补贴", "重复乙", q, 200m, c.D(6, 20), $"{c.Year}-06");
        c.Subsidy(v + 1, "高龄补贴", "重复乙", q, 200m, c.D(6, 21), $"{c.Year}-06");
        c.B.Expect("S03", c.V(v).Code, $"{q}@{c.Year}-06", 200m);
        c.B.Expect("S03", c.V(v + 1).Code, $"{q}@{c.Year}-06", 200m);

        var t = c.B.NewPersonId(new DateOnly(1936, 7, 7));
        c.Subsidy(v, "低保", "不同项目", t, 820m, c.D(7, 20), $"{c.Year}-07");
        c.Subsidy(v, "高龄补贴", "不同项目", t, 200m, c.D(7, 20), $"{c.Year}-07");
    }
}

internal sealed class S04Planter : Planter
{
    public override string Rule => "S04";

    public override void Plant(PlantContext c, int v)
    {
        var valid = c.B.NewPersonId(new DateOnly(1950, 1, 1));
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var invalid = new[]
        {
            wrongCheck,
            Ids.WithCheck("33078219990230001"),
            Ids.WithCheck($"330782{c.AsOf.AddDays(1):yyyyMMdd}001"),
            valid[..17] + "Y",
            valid[..16],
        };
        var n = 0;
        foreach (var id in invalid)
        {
            c.Subsidy(v, "耕地地力保护补贴", $"证号有误{++n}", id, 300m, c.D(4, 1), $"{c.Year}-04");
            c.B.Expect("S04", c.V(v).Code, id);
        }

        // Lower-case x is accepted; so is a birth date on the as-of date itself.
        c.Subsidy(v, "耕地地力保护补贴", "小写x", Ids.WithCheckX(c.B).ToLowerInvariant(), 300m, c.D(4, 1), $"{c.Year}-04");
        c.Subsidy(v, "耕地地力保护补贴", "当天出生", Ids.WithCheck($"330782{c.AsOf:yyyyMMdd}002"), 300m, c.D(4, 1), $"{c.Year}-04");
    }
}
