namespace Xuncha.Core.Features.Screening;

internal static class ScreeningTexts
{
    public const string RunAction = "导入数据并筛查";
    public const string ViewAction = "查看筛查结果";
    public const string TriageAction = "研判疑似问题";
    public const string FolderAction = "从服务器文件夹导入";
    public static string UnknownScope(string code) => $"找不到区划代码「{code}」。";
    public static string NotAVillage(string code) => $"「{code}」不是金华市的村（社区），请核对统计用区划代码。";
    public static string OutsideScope(string code, string scope) => $"村社「{code}」不在本次导入的范围（{scope}）内。";

    public static string OutsideOwnRounds(string code) => $"村社「{code}」不在您所在巡察组的巡察轮次中：巡察组成员只能导入本组巡察村社的数据。";

    public static string Invalid(int n) => $"数据包有 {n} 处错误，未导入任何数据。请按清单修改后重新上传。";
    public static string LeadNotFound(Guid id) => $"找不到疑似问题「{id}」。";
    public static string BatchNotFound(Guid id) => $"找不到筛查记录「{id}」。";
    public const string DismissReasonRequired = "请填写排除理由，例如“已核实为正常的分期付款”。";
    public const string AlreadyTriaged = "该疑似问题已研判，不能重复操作。";
    public const string TitleRequired = "请填写问题标题。";
    public const string AmountNegative = "涉及金额不能为负数。";
}
