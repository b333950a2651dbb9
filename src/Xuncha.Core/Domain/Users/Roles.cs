namespace Xuncha.Core.Domain.Users;

/// <summary>
/// The roles of workflow.md. The key is what is stored; the Chinese name is what users see
/// and may also be typed wherever a role is asked for.
/// </summary>
public static class Roles
{
    public const string CityOffice = "city-office";
    public const string CountyOffice = "county-office";
    public const string TeamMember = "team-member";
    public const string Expert = "expert";
    public const string GuidanceGroup = "guidance-group";
    public const string RectificationOwner = "rectification-owner";
    public const string Discipline = "discipline";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<(string Key, string Name)> All =
    [
        (CityOffice, "市巡察办"),
        (CountyOffice, "县巡察办"),
        (TeamMember, "巡察组成员"),
        (Expert, "专家"),
        (GuidanceGroup, "指导组"),
        (RectificationOwner, "整改责任单位"),
        (Discipline, "纪检监察"),
        (Admin, "系统管理员"),
    ];

    /// <summary>Roles that manage user accounts (within their own scope).</summary>
    public static readonly IReadOnlySet<string> UserManagers = new HashSet<string> { Admin, CityOffice, CountyOffice };

    public static string NameOf(string key) =>
        All.FirstOrDefault(r => r.Key == key).Name ?? key;

    /// <summary>Accepts a key or a Chinese name; null when neither.</summary>
    public static string? Parse(string? input)
    {
        var text = input?.Trim();
        return All.FirstOrDefault(r => r.Key == text || r.Name == text).Key;
    }
}
