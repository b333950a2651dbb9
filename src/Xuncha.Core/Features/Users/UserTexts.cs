namespace Xuncha.Core.Features.Users;

internal static class UserTexts
{
    public const string ManageUsers = "管理用户";
    public const string UserNameRequired = "请输入用户名。";
    public const string UserNameFormat = "用户名为 3–32 位字母、数字或 . _ -，例如 yiwu.zhang。";
    public const string DisplayNameRequired = "请输入姓名。";
    public const string DisplayNameTooLong = "姓名不能超过 50 个字。";
    public const string OrganizationTooLong = "单位不能超过 100 个字。";
    public const string RoleRequired = "请选择角色。";
    public const string PasswordRequired = "请输入初始密码。";
    public const string ScopeRequired = "请选择数据范围（市、县、乡镇或村社）。";
    public static string UnknownRole(string r) => $"没有「{r}」这个角色，可选：市巡察办、县巡察办、巡察组成员、专家、指导组、整改责任单位、纪检监察、系统管理员。";
    public static string UnknownScope(string c) => $"找不到区划代码「{c}」。";
    public static string ScopeOutside(string scopeName) => $"数据范围必须在您自己的范围（{scopeName}）之内。";
    public static string RoleNotGrantable(string role) => $"您不能创建「{role}」角色的用户，请联系系统管理员。";
    public static string NotFound(string id) => $"找不到用户「{id}」。";
    public const string CannotLockSelf = "不能锁定自己的账号。";
}
