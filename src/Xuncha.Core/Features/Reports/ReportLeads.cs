using Xuncha.Screening.Engine;

namespace Xuncha.Core.Features.Reports;

/// <summary>
/// A report turned into a lead (转为疑似问题) is triaged like a screening lead; it carries this
/// card in place of a rule's, and its receipt number as the lead's reference.
/// </summary>
public static class ReportLeads
{
    public const string RuleCode = "QZFY";

    public static readonly RuleCard Card = new(
        RuleCode, "群众反映", Severity.Medium,
        "群众通过巡察组公布的扫码反映渠道提交，巡察组研判后转为疑似问题，待核实。",
        "群众反映的内容（反映人信息不随疑似问题流转）",
        [], [], "");
}
