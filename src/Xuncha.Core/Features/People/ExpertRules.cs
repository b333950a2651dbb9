using Xuncha.Core.Domain.People;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>An expert (智囊团) as entered in the form, sent to the API or read from a workbook row.</summary>
/// <param name="Field">One of <see cref="ExpertFields.All"/>.</param>
/// <param name="RegionCode">The pool: the city or a county (code or name); empty for the user's own.</param>
/// <param name="Available">Null keeps it as it is (a new expert is available).</param>
public sealed record ExpertInput(
    string? Name,
    string? Field,
    string? Unit = null,
    string? Title = null,
    string? Phone = null,
    string? IdNumber = null,
    string? RegionCode = null,
    string? HomeVillageCode = null,
    bool? Available = null);

internal sealed record ExpertData(string Name, string Field, string Unit, string Title, string Phone, string? IdNumber, string RegionCode, string? HomeVillageCode);

internal static class ExpertRules
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["name"] = "姓名",
        ["field"] = "专业领域",
        ["unit"] = "工作单位",
        ["title"] = "职称职务",
        ["phone"] = "联系电话",
        ["idNumber"] = "身份证号",
        ["regionCode"] = "所属县市区",
        ["homeVillageCode"] = "户籍村社",
        ["available"] = "是否可用",
    };

    public static ExpertData Expert(ExpertInput input, UserScope user, RegionDirectory regions, DateOnly today, IFieldErrors errors)
    {
        var name = FieldRules.Text(input.Name, "name", 50, required: true, errors);
        var field = FieldRules.Clean(input.Field);
        if (field.Length == 0)
        {
            errors.Add("field", PeopleTexts.Required);
        }
        else if (!ExpertFields.All.Contains(field))
        {
            errors.Add("field", PeopleTexts.UnknownField(field));
        }

        var unit = FieldRules.Text(input.Unit, "unit", 100, required: false, errors);
        var title = FieldRules.Text(input.Title, "title", 50, required: false, errors);
        var phone = FieldRules.Phone(input.Phone, "phone", errors);
        var id = FieldRules.IdNumber(input.IdNumber, "idNumber", required: false, today, errors);
        var pool = FieldRules.Pool(input.RegionCode, user, regions, "regionCode", errors);
        var home = FieldRules.Village(input.HomeVillageCode, regions, "homeVillageCode", required: false, errors, near: pool);
        return new ExpertData(name, field, unit, title, phone, id, pool, home);
    }

    public static void Apply(Expert expert, ExpertData data, bool? available)
    {
        expert.Name = data.Name;
        expert.Field = data.Field;
        expert.Unit = data.Unit;
        expert.Title = data.Title;
        expert.Phone = data.Phone;
        expert.IdNumber = data.IdNumber;
        expert.RegionCode = data.RegionCode;
        expert.HomeVillageCode = data.HomeVillageCode;
        if (available is { } a)
        {
            expert.Available = a;
        }
    }
}
