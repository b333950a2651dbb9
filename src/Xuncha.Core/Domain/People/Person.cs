namespace Xuncha.Core.Domain.People;

/// <summary>
/// 巡察人员库: someone who can serve on a team, with the skills and ties that decide where he
/// may inspect (回避).
/// </summary>
public sealed class Person
{
    public Guid Id { get; init; }
    public required string Name { get; set; }

    /// <summary>Resident ID (GB 11643); matched against the cadres and relatives of loaded packages.</summary>
    public string? IdNumber { get; set; }

    public string Gender { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Position { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>The office whose pool he is in: the city (4 digits) or a county (6).</summary>
    public required string RegionCode { get; set; }

    /// <summary>Born or registered (户籍) there: never inspects this village.</summary>
    public string? HomeVillageCode { get; set; }

    /// <summary>Skills from <see cref="Skills"/>.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>Years of township work (老乡镇).</summary>
    public int TownshipYears { get; set; }

    /// <summary>May lead a team (组长人选).</summary>
    public bool CanLead { get; set; }

    /// <summary>Out of the pool for now (leave, other duty) without losing the record.</summary>
    public bool Available { get; set; } = true;

    /// <summary>The account he signs in with, if any.</summary>
    public string? UserId { get; set; }

    public List<PersonWork> Works { get; } = [];
    public List<PersonRelative> Relatives { get; } = [];
}

/// <summary>A past workplace: a village, a township or a county, with dates.</summary>
public sealed class PersonWork
{
    public Guid Id { get; init; }
    public Guid PersonId { get; init; }
    public required string RegionCode { get; set; }
    public string Unit { get; set; } = "";
    public DateOnly From { get; set; }

    /// <summary>Empty while he still works there.</summary>
    public DateOnly? To { get; set; }
}

/// <summary>A close relative who is a village cadre, as the pool's own record (the packages' relatives table adds more).</summary>
public sealed class PersonRelative
{
    public Guid Id { get; init; }
    public Guid PersonId { get; init; }
    public required string Name { get; set; }
    public string Relation { get; set; } = "";
    public string? IdNumber { get; set; }
    public required string VillageCode { get; set; }
    public string Position { get; set; } = "";
}

/// <summary>The skills of the pool (workflow.md step 4).</summary>
public static class Skills
{
    public const string Township = "老乡镇";
    public const string Discipline = "纪检";
    public const string Organisation = "组织";
    public const string Audit = "审计";
    public const string Finance = "财政";
    public const string Agriculture = "农业农村";
    public const string Law = "法律";

    public static readonly IReadOnlyList<string> All = [Township, Discipline, Organisation, Audit, Finance, Agriculture, Law];
}
