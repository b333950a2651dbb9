using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// The demo's 问题台账: six 义乌 leads confirmed into findings with categories, amounts and
/// recoveries, one 立行立改, one clue transferred to discipline inspection and two typical cases.
/// Leaves the R01, R02 and C01 leads open: the screening and triage tests work on those.
/// </summary>
public sealed class DemoFindings(
    IDbContextFactory<XunchaDbContext> dbFactory, TriageLeadHandler triage, SaveFindingHandler save, RecoveriesHandler recoveries,
    ClueTransferHandler clues, TimeProvider clock)
{
    private const string Campaign = "漠视侵害群众利益问题专项治理";

    private static readonly (string Title, string L1, string L2, string People, bool OnTheSpot, string? Campaign)[] Specs =
    [
        ("村集体资产发包未经民主程序", FindingTaxonomy.Corruption, "村级\"三资\"管理", "村股份经济合作社社长", false, null),
        ("惠民补贴资金发放不到位", FindingTaxonomy.Corruption, "惠民惠农资金", "村报账员", false, Campaign),
        ("小型工程未按规定招投标", FindingTaxonomy.Corruption, "工程项目", "村党组织书记、村委会主任", false, null),
        ("大额支出未经\"四议两公开\"", FindingTaxonomy.Corruption, "\"四议两公开\"", "村两委班子", true, null),
        ("白条入账、票据不规范", FindingTaxonomy.Corruption, "财务制度", "村报账员", false, Campaign),
        ("\"三会一课\"记录不全", FindingTaxonomy.PartyBuilding, "党建基础", "村党组织书记", false, null),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        List<Lead> leads;
        UserScope team;
        Guid? roundId;
        HashSet<string> targets;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Findings.AnyAsync(ct))
            {
                return;
            }

            var candidates = await db.Leads.AsNoTracking()
                .Where(l => l.Status == LeadStatus.Open && l.VillageCode.StartsWith(DemoPlanning.County) && l.RuleCode != "R01" && l.RuleCode != "R02" && l.RuleCode != "C01")
                .ToListAsync(ct);
            leads = candidates.OrderBy(l => l.RuleCode).ThenBy(l => l.VillageCode).ThenBy(l => l.Ref).DistinctBy(l => l.VillageCode).Take(Specs.Length).ToList();
            var teamId = await db.Users.Where(u => u.UserName == "team").Select(u => u.Id).SingleOrDefaultAsync(ct) ?? "team";
            team = new UserScope(teamId, "team", "team", new HashSet<string> { Roles.TeamMember }, DemoPlanning.County, "义乌市");
            roundId = await db.Rounds.Where(r => r.RegionCode == DemoPlanning.County && r.Status == RoundStatus.InProgress).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            targets = (await db.RoundTargets.Where(t => t.RoundId == roundId).Select(t => t.VillageCode).ToListAsync(ct)).ToHashSet();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        for (var i = 0; i < leads.Count; i++)
        {
            var (title, l1, l2, people, onTheSpot, campaign) = Specs[i];
            var lead = leads[i];
            var amount = lead.Amount is > 0 ? decimal.Round(lead.Amount.Value, 2) : 20_000m + (i * 5_000m);
            var id = await triage.Confirm(new ConfirmLead(lead.Id, title, null, amount), team, ct);
            await save.Handle(new SaveFinding(id, null, title, lead.Explanation, amount, l1, l2, null, targets.Contains(lead.VillageCode) ? roundId : null,
                people, onTheSpot, campaign is null ? [] : [campaign]), team, ct);
            if (i is 0 or 1 or 3)
            {
                await recoveries.Add(new AddRecovery(id, today.AddDays(-10 + i), decimal.Round(amount / 2, 2), "已追回并存入村集体账户"), team, ct);
            }

            if (i == 0)
            {
                await recoveries.Add(new AddRecovery(id, today.AddDays(-3), 1_000m, "退还违规收取款项"), team, ct);
            }

            if (i == 2)
            {
                await clues.Transfer(new TransferClue(id, today.AddDays(-5), "义乌市纪委市监委第三监督检查室",
                    "村党组织书记涉嫌在村道硬化工程中指定亲属承接并虚增工程量，需进一步核查。", "村党组织书记（涉及其亲属一人）"), team, ct);
            }

            if (i is 1 or 2)
            {
                await save.SetTypicalCase(new SetTypicalCase(id, true, i == 1
                    ? "【案情】村报账员以代领名义截留困难群众补贴，群众多次反映未得到回应。\n【剖析】资金发放环节缺少公示和复核，村务监督委员会未发挥作用。\n【警示】惠民资金是群众的\"救命钱\"，必须直达到户、全程留痕。"
                    : "【案情】村道硬化工程未经招投标，由村干部亲属承接，工程量虚增。\n【剖析】小微权力清单执行不到位，工程项目监管流于形式。\n【警示】村级工程必须公开招标、全程公示，严防\"小官巨贪\"。"), team, ct);
            }
        }

    }
}
