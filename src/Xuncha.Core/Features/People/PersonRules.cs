using Xuncha.Core.Domain.People;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>A person as entered in the form, sent to the API or read from a workbook row.</summary>
/// <param name="RegionCode">The pool: the city or a county (code or name); empty for the user's own.</param>
/// <param name="HomeVillageCode">户籍村社: a 12-digit village code, or "乡镇/村社" by name.</param>
/// <param name="Available">Null keeps it as it is (a new person is available).</param>
/// <param name="CanLead">Null keeps it as it is (a new person is not).</param>
public sealed record PersonInput(
    string? Name,
    string? IdNumber,
    string? Gender = null,
    string? Unit = null,
    string? Position = null,
    string? Phone = null,
    string? RegionCode = null,
    string? HomeVillageCode = null,
    IReadOnlyList<string>? Skills = null,
    int? TownshipYears = null,
    bool? CanLead = null,
    bool? Available = null,
    IReadOnlyList<WorkInput>? Works = null,
    IReadOnlyList<RelativeInput>? Relatives = null);

/// <summary>A past workplace: a county, township or village (code or name), from a date, to a date or still there.</summary>
public sealed record WorkInput(string? RegionCode, string? Unit, DateOnly? From, DateOnly? To);

/// <summary>A close relative who is a cadre of a village (code or name).</summary>
public sealed record RelativeInput(string? Name, string? Relation, string? IdNumber, string? VillageCode, string? Position);

internal sealed record PersonData(
    string Name, string IdNumber, string Gender, string Unit, string Position, string Phone,
    string RegionCode, string? HomeVillageCode, List<string> Skills, int TownshipYears);

internal sealed record WorkData(string RegionCode, string Unit, DateOnly From, DateOnly? To);

internal sealed record RelativeData(string Name, string Relation, string? IdNumber, string VillageCode, string Position);

/// <summary>The rules of a pool person, the same for the form, the API and the workbook.</summary>
internal static class PersonRules
{
    public const int MaxTownshipYears = 50;

    /// <summary>Field → Chinese label; the labels are also the workbook's column headers.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["name"] = "姓名",
        ["idNumber"] = "身份证号",
        ["gender"] = "性别",
        ["unit"] = "工作单位",
        ["position"] = "职务",
        ["phone"] = "联系电话",
        ["regionCode"] = "所属县市区",
        ["homeVillageCode"] = "户籍村社",
        ["skills"] = "专长",
        ["townshipYears"] = "乡镇工作年限",
        ["canLead"] = "可任组长",
        ["available"] = "是否可用",
    };

    public static readonly IReadOnlyDictionary<string, string> WorkLabels = new Dictionary<string, string>
    {
        ["idNumber"] = "身份证号",
        ["unit"] = "单位",
        ["regionCode"] = "区划",
        ["from"] = "起始日期",
        ["to"] = "终止日期",
    };

    public static readonly IReadOnlyDictionary<string, string> RelativeLabels = new Dictionary<string, string>
    {
        ["personIdNumber"] = "身份证号",
        ["name"] = "亲属姓名",
        ["relation"] = "关系",
        ["idNumber"] = "亲属身份证号",
        ["villageCode"] = "村社",
        ["position"] = "职务",
    };

    public static PersonData Person(PersonInput input, UserScope user, RegionDirectory regions, DateOnly today, IFieldErrors errors)
    {
        var name = FieldRules.Text(input.Name, "name", 50, required: true, errors);
        var id = FieldRules.IdNumber(input.IdNumber, "idNumber", required: true, today, errors);
        var gender = FieldRules.Gender(input.Gender, errors.Has("idNumber") ? null : id, "gender", errors);
        var unit = FieldRules.Text(input.Unit, "unit", 100, required: false, errors);
        var position = FieldRules.Text(input.Position, "position", 50, required: false, errors);
        var phone = FieldRules.Phone(input.Phone, "phone", errors);
        var pool = FieldRules.Pool(input.RegionCode, user, regions, "regionCode", errors);
        var home = FieldRules.Village(input.HomeVillageCode, regions, "homeVillageCode", required: false, errors, near: pool);

        var skills = new List<string>();
        foreach (var raw in input.Skills ?? [])
        {
            var skill = FieldRules.Clean(raw);
            if (skill.Length == 0)
            {
                continue;
            }

            if (!Skills.All.Contains(skill))
            {
                errors.Add("skills", PeopleTexts.UnknownSkill(skill));
            }
            else if (!skills.Contains(skill))
            {
                skills.Add(skill);
            }
        }

        if (skills.Count == 0 && !errors.Has("skills"))
        {
            errors.Add("skills", PeopleTexts.SkillRequired);
        }

        var years = input.TownshipYears ?? 0;
        if (!errors.Has("townshipYears"))
        {
            if (years is < 0 or > MaxTownshipYears)
            {
                errors.Add("townshipYears", PeopleTexts.YearsRange);
            }
            else if (years == 0 && skills.Contains(Skills.Township))
            {
                errors.Add("townshipYears", PeopleTexts.YearsForTownship);
            }
        }

        skills.Sort((a, b) => IndexOf(Skills.All, a).CompareTo(IndexOf(Skills.All, b)));
        return new PersonData(name, id ?? "", gender, unit, position, phone, pool, home, skills, years);
    }

    public static WorkData Work(WorkInput input, RegionDirectory regions, DateOnly today, IFieldErrors errors, string? near)
    {
        var region = FieldRules.Region(input.RegionCode, regions, "regionCode", errors, near);
        var unit = FieldRules.Text(input.Unit, "unit", 100, required: false, errors);
        if (input.From is null && !errors.Has("from"))
        {
            errors.Add("from", PeopleTexts.Required);
        }
        else if (input.From > today)
        {
            errors.Add("from", PeopleTexts.DateFuture);
        }

        if (input.From is { } from && input.To is { } to && to < from && !errors.Has("to"))
        {
            errors.Add("to", PeopleTexts.ToBeforeFrom);
        }

        return new WorkData(region, unit, input.From ?? default, input.To);
    }

    public static RelativeData Relative(RelativeInput input, RegionDirectory regions, DateOnly today, IFieldErrors errors, string? near)
    {
        var name = FieldRules.Text(input.Name, "name", 50, required: true, errors);
        var relation = FieldRules.Text(input.Relation, "relation", 20, required: false, errors);
        var id = FieldRules.IdNumber(input.IdNumber, "idNumber", required: false, today, errors);
        var village = FieldRules.Village(input.VillageCode, regions, "villageCode", required: true, errors, near);
        var position = FieldRules.Text(input.Position, "position", 20, required: false, errors);
        return new RelativeData(name, relation, id, village ?? "", position);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
