using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Persistence;
using C = Xuncha.Core.Domain.Checklists.ChecklistCondition;

namespace Xuncha.Core.Features.Checklists;

/// <summary>
/// The default 一村一单 "体检套餐": common items for every village, items chosen by the village's
/// profile and petitions, and one field check per rule of the screening pack. Product data: loaded
/// into an empty template table, after which the office edits it.
/// </summary>
public static class DefaultChecklist
{
    public const string Assets = "三资管理";
    public const string Works = "工程项目";
    public const string Subsidies = "惠民惠农资金";
    public const string Democracy = "四议两公开";
    public const string Party = "党建";
    public const string Conduct = "作风";

    /// <summary>The order areas appear in on a checklist; others follow.</summary>
    public static readonly IReadOnlyList<string> Areas = [Assets, Works, Subsidies, Democracy, Party, Conduct];

    public static int AreaOrder(string area)
    {
        var i = Areas.ToList().IndexOf(area);
        return i < 0 ? Areas.Count : i;
    }

    public static IReadOnlyList<(string Area, string Text, C Condition, string? Parameter)> Items { get; } =
    [
        // Every village.
        (Assets, "核查村级财务收支是否纳入统一账户核算，有无账外账、“小金库”，票据是否真实合规", C.Always, null),
        (Assets, "核查集体资产、资源台账是否完整，家底是否清楚，有无闲置、流失或被无偿占用", C.Always, null),
        (Works, "核查村级工程项目立项、招投标、施工、验收、结算资料是否齐全，程序是否规范", C.Always, null),
        (Works, "核查工程款支付是否与合同约定、施工进度和结算审计结果相符", C.Always, null),
        (Subsidies, "核查低保、特困、各类补贴的申报、审核、公示程序是否规范，发放是否精准", C.Always, null),
        (Subsidies, "抽查惠民惠农资金发放名册，入户核实领取人是否符合条件、资金是否足额到户", C.Always, null),
        (Democracy, "核查重大事项是否落实“四议两公开”，会议记录、表决票、签到表等资料是否完整真实", C.Always, null),
        (Democracy, "核查党务、村务、财务公开是否及时，公开内容是否真实完整、群众是否看得懂", C.Always, null),
        (Party, "核查“三会一课”、主题党日、组织生活会等制度落实情况，有无走过场", C.Always, null),
        (Party, "核查发展党员程序、党费收缴使用和党员教育管理是否规范", C.Always, null),
        (Conduct, "了解村干部有无吃拿卡要、违规收受礼品礼金、插手工程等群众身边不正之风", C.Always, null),
        (Conduct, "走访群众了解对村“两委”班子的评价和反映强烈的问题，核查为民办事是否推诿拖延", C.Always, null),

        // By profile.
        (Assets, "核查集体资产资源发包、租赁是否经民主决策并公开竞价，合同价格是否合理、期限是否合规", C.CollectiveIncomeAtLeast, "1000000"),
        (Assets, "核查集体经营性收入是否及时足额入账，租金、承包费有无拖欠、擅自减免或被截留", C.CollectiveIncomeAtLeast, "1000000"),
        (Works, "核查工程项目招投标是否规范，有无应招未招、化整为零、围标串标", C.WorksAmountAtLeast, "500000"),
        (Works, "核查工程变更、签证是否经审批，结算是否经审计，有无虚增工程量、高估冒算", C.WorksAmountAtLeast, "500000"),
        (Subsidies, "核查惠民惠农资金有无冒领、虚报、重复领取，死亡或迁出人员是否及时停发", C.SubsidyRecipientsAtLeast, "200"),
        (Subsidies, "核查低保、救助对象认定中有无优亲厚友、“人情保”“关系保”", C.SubsidyRecipientsAtLeast, "200"),
        (Party, "核查软弱涣散村党组织整顿措施是否落实到位，整顿成效是否经得起检验", C.WeakOrganisation, null),
        (Party, "核查村“两委”班子是否团结，主要负责人有无长期不在岗、履职不力", C.WeakOrganisation, null),

        // By petitions of the last 12 months.
        (Assets, "核查信访反映的土地征收、流转、宅基地问题，补偿款分配发放是否公开、足额", C.PetitionCategory, "土地"),
        (Works, "核查信访反映的工程项目问题，实地查看工程质量并比对合同、结算", C.PetitionCategory, "工程"),
        (Subsidies, "核查信访反映的低保等救助对象认定问题，逐户核实家庭经济状况", C.PetitionCategory, "低保"),
        (Assets, "核查信访反映的村级财务问题，调阅相关凭证、账目和审批记录", C.PetitionCategory, "财务"),

        // One field check per rule of the screening pack (shared spec screening-rules.md).
        (Assets, "核查收入是否及时足额入账，有无坐收坐支", C.LeadRule, "R01"),
        (Assets, "核查大额现金支付的原因和审批，有无违反现金管理规定、资金去向不明", C.LeadRule, "R02"),
        (Assets, "核查无发票（白条）列支的支出是否真实，有无虚列支出套取集体资金", C.LeadRule, "R03"),
        (Assets, "核查对同一收款方的分次支付是否为规避民主决策而拆分", C.LeadRule, "R04"),
        (Assets, "核查重复支付的款项是否已追回，有无借重复支付套取资金", C.LeadRule, "R05"),
        (Conduct, "核查向村干部或其近亲属付款的业务是否真实、是否履行回避、价格是否公允", C.LeadRule, "R06"),
        (Assets, "核查长期挂账应收款的形成原因、债务人和催收情况，有无坏账损失或被侵占", C.LeadRule, "R07"),
        (Assets, "调阅支出凭证，核查支出金额分布异常的原因，有无编造、虚列支出", C.LeadRule, "R08"),
        (Works, "核查达到限额的工程是否公开招标，有无应招未招、先建后招、明招暗定", C.LeadRule, "C01"),
        (Works, "核查与同一单位的多份合同是否拆分发包以规避招标", C.LeadRule, "C02"),
        (Assets, "核查集体资产资源低价发包的原因，发包是否公开竞价、价格是否经评估", C.LeadRule, "C03"),
        (Assets, "核查租金未收或少收的原因，有无拖欠、擅自减免、截留挪用", C.LeadRule, "C04"),
        (Assets, "核查租期超过 20 年的租赁合同，是否违反《民法典》第七百零五条并及时纠正", C.LeadRule, "C05"),
        (Conduct, "核查与村干部或其近亲属签订的合同是否经民主决策、是否回避、有无利益输送", C.LeadRule, "C06"),
        (Democracy, "核查 5 万元以上合同是否经“四议两公开”民主决策，有无先签后议", C.LeadRule, "C07"),
        (Subsidies, "核查已死亡人员仍领取补贴的情况，追回违规发放的资金", C.LeadRule, "S01"),
        (Subsidies, "核查村干部近亲属享受低保、特困供养是否符合条件，有无优亲厚友", C.LeadRule, "S02"),
        (Subsidies, "核查同一对象同期重复领取补贴的原因，追回多发资金", C.LeadRule, "S03"),
        (Subsidies, "核查身份证号无效的领取人是否真实存在，有无虚报冒领", C.LeadRule, "S04"),
        (Democracy, "核查 5 万元以上大额支出是否经民主决策，有无先支后议、以签代会", C.LeadRule, "G01"),
        (Democracy, "核查“四议两公开”各环节记录是否齐全、顺序是否颠倒，有无事后补记", C.LeadRule, "G02"),
        (Democracy, "核查财务是否按季度及时公开，公开内容是否与账目一致", C.LeadRule, "G03"),
        (Conduct, "核查信访举报多发的原因，了解群众反映的突出问题及办理、答复情况", C.LeadRule, "P01"),
    ];

    /// <summary>The template items with sort orders by area (三资管理 100…, 工程项目 200…).</summary>
    public static IReadOnlyList<ChecklistTemplateItem> Templates()
    {
        var perArea = new Dictionary<string, int>();
        return Items.Select(i =>
        {
            perArea[i.Area] = perArea.GetValueOrDefault(i.Area) + 1;
            return new ChecklistTemplateItem
            {
                Id = Guid.NewGuid(),
                Area = i.Area,
                Text = i.Text,
                Condition = i.Condition,
                Parameter = i.Parameter,
                SortOrder = (AreaOrder(i.Area) + 1) * 100 + perArea[i.Area],
            };
        }).ToList();
    }

    /// <summary>Loads the defaults when the template table is empty. Returns the number added.</summary>
    public static async Task<int> EnsureSeededAsync(XunchaDbContext db, CancellationToken ct = default)
    {
        if (await db.ChecklistTemplateItems.AnyAsync(ct))
        {
            return 0;
        }

        var templates = Templates();
        db.ChecklistTemplateItems.AddRange(templates);
        await db.SaveChangesAsync(ct);
        return templates.Count;
    }
}
