namespace Xuncha.Core.Features.Documents;

/// <summary>The documents area's user-facing text.</summary>
public static class DocumentTexts
{
    public const string GenerateAction = "生成巡察报告和清单";
    public const string ClueListAction = "生成问题线索移交清单";
    public const string ClueReadPurpose = "生成问题线索移交清单（含线索内容）";
    public const string NotTarget = "该村（社区）不是本轮巡察的对象。";
    public const string NoVillages = "本轮巡察在您的数据范围内没有巡察对象。";
    public const string AmountNote = "注：金额单位为元。";
    public const string ClueHiddenNote = "注：线索具体内容仅纪检监察机关和市委巡察办可查看，本清单不予载明。";
    public const string TasksNote = "注：整改措施和整改时限由整改责任单位制定整改方案后填写。";
    public const string Yes = "是";
    public const string No = "否";

    /// <summary>意见建议 for each top-level problem category found (FindingTaxonomy's defaults).</summary>
    public static readonly IReadOnlyDictionary<string, (string Heading, string Text)> Suggestions = new Dictionary<string, (string, string)>
    {
        [Findings.FindingTaxonomy.Policy] = ("坚决贯彻落实党的路线方针政策和决策部署",
            "村党组织要把学习贯彻党的路线方针政策作为首要任务，结合本村实际细化落实举措，确保乡村振兴、惠民政策等各项部署在村里落地见效。"),
        [Findings.FindingTaxonomy.Corruption] = ("着力整治群众身边腐败和不正之风",
            "严格执行村级小微权力清单和“四议两公开”制度，规范集体“三资”管理、工程项目和惠民资金发放，主动接受群众监督，坚决纠治侵害群众利益问题。"),
        [Findings.FindingTaxonomy.PartyBuilding] = ("切实加强基层党组织建设",
            "严格落实“三会一课”等组织生活制度，加强党员教育管理，建强村级班子，充分发挥村党组织战斗堡垒作用和党员先锋模范作用。"),
    };

    public static readonly (string Heading, string Text) RectifySuggestion = ("压紧压实巡察整改责任",
        "村党组织要切实履行整改主体责任，对照问题清单、责任清单和整改任务清单逐项制定整改措施，明确责任人和整改时限，按期报送整改情况；乡镇（街道）党（工）委要履行领导责任，加强督促指导，确保问题整改到位。");

    public static string UnknownList(string key) => $"没有名为「{key}」的清单。";

    public static string UnknownFormat(string format) => $"不支持的格式「{format}」：可选 docx（Word）或 xlsx（Excel）。";

    public static string Money(decimal amount) => amount.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Wan(decimal amount) => (amount / 10_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"蒋宅村委会" → "蒋宅村", "大成社区居委会" → "大成社区": documents name the village, not its committee.</summary>
    public static string VillageName(string name) =>
        name.EndsWith("居委会", StringComparison.Ordinal) ? name[..^3] : name.EndsWith("村委会", StringComparison.Ordinal) ? name[..^2] : name;
}
