using Xuncha.Core.Domain.People;

namespace Xuncha.Core.Features.People;

/// <summary>
/// Every Chinese sentence of the pools. Field reasons are written to follow the field's name:
/// the form shows "身份证号" + reason, an import error "第 7 行「身份证号」" + reason.
/// </summary>
public static class PeopleTexts
{
    public const string ViewPeople = "查看巡察人员库";
    public const string ManagePeople = "管理巡察人员库";
    public const string ViewExperts = "查看专家库";
    public const string ManageExperts = "管理专家库";
    public const string PersonWhat = "该人员";
    public const string ExpertWhat = "该专家";
    public const string PeoplePool = "人员库";
    public const string ExpertPool = "专家库";

    public static string OutsideScope(string what, string pool, string poolName, string scopeName) =>
        $"无权查看{what}：其所属{pool}（{poolName}）不在您的数据范围（{scopeName}）内。";

    public static string PersonNotFound(Guid id) => $"找不到人员（{id}），可能已被删除。";

    public static string ExpertNotFound(Guid id) => $"找不到专家（{id}），可能已被删除。";

    // Field reasons (follow the field's name).
    public const string Required = "不能为空";
    public static string TooLong(int max) => $"不能超过 {max} 个字";
    public const string GenderValues = "应为「男」或「女」";
    public static string GenderMismatch(string fromId) => $"与身份证号不符（身份证号第 17 位表示{fromId}）";
    public static string PhoneFormat(string value) => $"格式不正确：{value}（只能含数字、空格、+、- 和括号）";
    public static string IdLength(string value) => $"应为 18 位，实际为 {value.Length} 位：{value}";
    public static string IdFormat(string value) => $"应为 17 位数字加 1 位数字或 X：{value}";
    public static string IdBirthDate(string value) => $"出生日期（第 7–14 位）不是真实日期：{value}";
    public static string IdBirthFuture(string value) => $"出生日期晚于今天：{value}";
    public static string IdCheckDigit(string value, char expected) => $"校验位不正确：{value}（按前 17 位，最后一位应为 {expected}）";
    public static string IdAsNumber(string value) =>
        $"被 Excel 存成了数字（{value}），后几位已丢失；请把该列设为「文本」格式后重新填写";
    public static string IdTaken(string name, string poolName) => $"已在人员库中：{name}（{poolName}）";
    public static string ExpertIdTaken(string name, string poolName) => $"已在专家库中：{name}（{poolName}）";
    public static string DuplicateInFile(int row) => $"与第 {row} 行重复";
    public static string PoolNotAllowed(string value, string scopeName) =>
        $"应为您数据范围（{scopeName}）内的市或县（市、区）：{value}";
    public static string NoPoolForScope(string scopeName) => $"不能为空（您的数据范围是{scopeName}，请填写所属的市或县（市、区））";
    public static string UnknownRegion(string value) => $"找不到区划「{value}」";
    public static string NotAVillage(string value, string name) => $"应为村（社区），「{value}」是{name}";
    public static string Ambiguous(string value, IEnumerable<string> candidates) =>
        $"「{value}」对应多个地区：{string.Join("、", candidates.Take(5))}{(candidates.Count() > 5 ? " 等" : "")}；请写成「乡镇/村社」或填写区划代码";
    public static string UnknownSkill(string value) => $"「{value}」不是可选的专长；可选：{string.Join("、", Skills.All)}";
    public const string SkillRequired = "至少选择一项";
    public const string YearsRange = "应为 0–50 的整数";
    public static string YearsNotNumber(string value) => $"应为 0–50 的整数：{value}";
    public static string YearsForTownship => $"在选择「{Skills.Township}」专长时应大于 0";
    public static string UnknownField(string value) => $"「{value}」不是可选的专业领域；可选：{string.Join("、", ExpertFields.All)}";
    public static string YesNo(string value) => $"应为「是」或「否」：{value}";
    public static string DateFormat(string value) => $"不是日期：{value}（例如 2021-03-01）";
    public const string DateFuture = "晚于今天";
    public const string ToBeforeFrom = "早于起始日期";

    // Delete refusals.
    public static string OnTeam(string name, IEnumerable<string> teams) =>
        $"「{name}」已编入巡察组（{string.Join("、", teams)}），不能删除；可先从巡察组移出，或改为停用。";
    public static string Invited(string name, int count) =>
        $"「{name}」已受邀参加 {count} 次巡察，不能删除；可改为停用。";

    // Import.
    public const string ImportFileRequired = "请选择要导入的 Excel 文件（.xlsx）。";
    public static string ImportNotXlsx(string fileName) => $"只能导入 .xlsx 格式的 Excel 文件，「{fileName}」不是；可在 Excel 中「另存为」Excel 工作簿（*.xlsx）。";
    public static string ImportTooLarge(string fileName, long maxMb) => $"「{fileName}」超过 {maxMb} MB，请拆分后分批导入。";
    public static string ImportUnreadable(string detail) => $"无法读取该文件，请确认是 Excel 工作簿（.xlsx）：{detail}";
    public static string SheetMissing(string sheet) => $"缺少工作表「{sheet}」；请使用下载的模板填写";
    public static string ColumnMissing(string column) => $"缺少列「{column}」；请使用下载的模板填写";
    public const string SheetEmpty = "没有可导入的数据行";
    public static string TooManyRows(int max) => $"数据行超过 {max} 行，请拆分后分批导入";
    public static string NotInPeopleSheet(string sheet) => $"该身份证号不在「{sheet}」工作表中；工作经历和近亲属须与人员同表导入";
    public static string OutsideScopeExisting(string name, string poolName, string scopeName) =>
        $"已登记为{poolName}的{name}，不在您的数据范围（{scopeName}）内，不能修改";
    public static string ImportFailed(int count) => $"发现 {count} 处错误，未导入任何数据；请按清单修改后重新导入。";
    public static string ImportDone(int inserted, int updated) => $"导入完成：新增 {inserted} 人，更新 {updated} 人。";
    public static string ExpertImportDone(int inserted, int updated) => $"导入完成：新增 {inserted} 位专家，更新 {updated} 位专家。";

    public static string AccountNotFound(string name) => $"找不到登录账号「{name}」。";

    public static string AccountNotTeamMember(string name) => $"账号「{name}」不是巡察组成员，不能关联人员库人员。";

    public static string AccountOutsideScope(string name) => $"账号「{name}」不在您的数据范围内。";

    public static string AccountTaken(string name, string person) => $"账号「{name}」已关联人员「{person}」，请先解除。";
}
