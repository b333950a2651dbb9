using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Checklists;
using Xuncha.Core.Features.Fieldwork;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.Planning;

namespace Xuncha.Core.Features.Audit;

public static partial class AuditLabels
{
    /// <summary>The Chinese name of a stored enum value, as the screens show it; unknown enums keep their code name.</summary>
    public static string Value(Enum value) => value switch
    {
        FindingStatus s => FindingTexts.StatusName(s),
        ClueStatus s => FindingTexts.ClueStatusName(s),
        RectificationStatus s => RectificationFlow.Name(s),
        RoundType t => PlanningTexts.TypeName(t),
        RoundStatus s => PlanningTexts.StatusName(s),
        PlanStatus s => PlanningTexts.StatusName(s),
        ChecklistItemStatus s => ChecklistTexts.StatusName(s),
        ChecklistCondition c => ChecklistTexts.ConditionName(c),
        FieldRecordKind k => FieldworkTexts.KindName(k),
        SuggestionStatus s => FieldworkTexts.StatusName(s),
        RegionLevel l => l.ToChinese(),
        LeadStatus s => s switch { LeadStatus.Confirmed => "已确认", LeadStatus.Dismissed => "已排除", _ => "待研判" },
        BatchStatus s => s switch { BatchStatus.Invalid => "数据包无效", BatchStatus.Failed => "失败", _ => "已完成" },
        _ => value.ToString(),
    };
}
