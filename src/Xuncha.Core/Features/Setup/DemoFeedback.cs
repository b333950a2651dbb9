using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Feedback;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// The demo's feedback stage of 义乌's current round: more findings from visits, so that some
/// categories recur across villages (面上共性问题), and 四级反馈 held at every level for part of
/// the villages — the county, two townships, and the villages under the first of them.
/// </summary>
public sealed class DemoFeedback(
    IDbContextFactory<XunchaDbContext> dbFactory, SaveFindingHandler findings, FeedbackRecordsHandler feedback,
    Rectification.OwnerDefaultsHandler owners, Rectification.SaveRectificationTaskHandler tasks, TimeProvider clock)
{
    private static readonly (string Title, string L1, string L2)[] Recurring =
    [
        ("集体厂房租金收取不及时", FindingTaxonomy.Corruption, "村级\"三资\"管理"),
        ("集体土地发包合同未备案", FindingTaxonomy.Corruption, "村级\"三资\"管理"),
        ("集体资产台账与实物不符", FindingTaxonomy.Corruption, "村级\"三资\"管理"),
        ("集体山林承包费长期未收", FindingTaxonomy.Corruption, "村级\"三资\"管理"),
        ("\"三会一课\"流于形式", FindingTaxonomy.PartyBuilding, "党建基础"),
        ("党员发展程序记录缺失", FindingTaxonomy.PartyBuilding, "党建基础"),
        ("主题党日活动记录不全", FindingTaxonomy.PartyBuilding, "党建基础"),
        ("报销凭证缺少经办人签字", FindingTaxonomy.Corruption, "财务制度"),
        ("现金支付超出规定限额", FindingTaxonomy.Corruption, "财务制度"),
    ];

    public async Task SeedAsync(Guid roundId, CancellationToken ct = default)
    {
        List<string> villages;
        DateOnly start;
        UserScope office;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.FeedbackRecords.AnyAsync(ct))
            {
                return;
            }

            start = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.StartDate).SingleAsync(ct);
            var withFindings = await db.Findings.Where(f => f.RoundId == roundId).Select(f => f.VillageCode).Distinct().ToListAsync(ct);
            villages = (await db.RoundTargets.Where(t => t.RoundId == roundId).Select(t => t.VillageCode).ToListAsync(ct))
                .Order().Where(v => !withFindings.Contains(v)).ToList();
            var id = await db.Users.Where(u => u.UserName == "yiwu").Select(u => u.Id).SingleOrDefaultAsync(ct) ?? "yiwu";
            office = new UserScope(id, "yiwu", "义乌市巡察办", new HashSet<string> { Roles.CountyOffice }, DemoPlanning.County, "义乌市");
        }

        for (var i = 0; i < Recurring.Length && i < villages.Count; i++)
        {
            var (title, l1, l2) = Recurring[i];
            decimal? amount = l1 == FindingTaxonomy.Corruption ? 8_000m + (i * 6_500m) : null;
            var id = await findings.Handle(new SaveFinding(null, villages[i], title, $"巡察组走访和查阅资料发现：{title}。", amount, l1, l2, "visit", roundId,
                "村党组织书记", false, null), office, ct);

            // Handed over at the feedback as 整改任务, still to be started.
            var draft = await owners.Handle(id, office, ct);
            await tasks.Handle(new Rectification.SaveRectificationTask(null, id, draft.Title,
                $"1. 对照巡察反馈意见，制定{title}整改方案；\n2. 明确责任人和完成时限，逐项销号；\n3. 建立长效机制，防止问题反弹。",
                SavePersonHandler.ChinaToday(clock).AddDays(60), draft.Owners), office, ct);
        }

        var today = SavePersonHandler.ChinaToday(clock);
        var day = start.AddDays(20) < today ? start.AddDays(20) : today;
        var targets = await feedback.Targets(roundId, office, ct);
        var documents = FeedbackSettings.DefaultDocuments.Take(4).ToList();
        await feedback.Save(new SaveFeedbackRecord(null, roundId, 1, DemoPlanning.County, day, "义乌市委会议室", "市委巡察办主任",
            "义乌市委书记、副书记，市纪委书记，组织部部长", documents, "反馈本轮巡察发现的共性问题和突出问题。"), office, ct);
        foreach (var township in targets.Where(t => t.Level == 2).Take(2))
        {
            await feedback.Save(new SaveFeedbackRecord(null, roundId, 2, township.RegionCode, day, township.Name + "党（工）委会议室", "义乌市委巡察组组长",
                $"{township.Name}党（工）委书记、纪（工）委书记", documents, ""), office, ct);
        }

        var firstTownship = targets.FirstOrDefault(t => t.Level == 2)?.RegionCode;
        foreach (var village in targets.Where(t => t.Level == 3 && firstTownship is not null && t.RegionCode.StartsWith(firstTownship, StringComparison.Ordinal)))
        {
            await feedback.Save(new SaveFeedbackRecord(null, roundId, 3, village.RegionCode, day, village.Name + "会议室", "乡镇党（工）委书记",
                "村党组织书记、村委会主任、村务监督委员会主任", ["巡察反馈意见", "问题清单", "整改任务清单"], ""), office, ct);
            await feedback.Save(new SaveFeedbackRecord(null, roundId, 4, village.RegionCode, day, village.Name + "文化礼堂", "村党组织书记",
                "党员代表、村民代表 30 余人", ["巡察反馈意见"], "在村务公开栏公示整改任务。"), office, ct);
        }
    }
}
