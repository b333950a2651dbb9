using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Rectification;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// The demo's 四方整改: tasks for 义乌's findings in every state — 待整改, 整改中 with evidence,
/// 申请销号, 已销号 with its evaluation, one overdue and escalated, one reopened by 回头看 — and
/// three findings of 佛堂镇 so the demo rectification owner (`owner`) has tasks of its own.
/// </summary>
public sealed class DemoRectification(
    IDbContextFactory<XunchaDbContext> dbFactory, SaveFindingHandler findings, OwnerDefaultsHandler defaults, SaveRectificationTaskHandler save,
    ReportProgressHandler progress, ReviewRectificationHandler review, OverdueSweep sweep, TimeProvider clock)
{

    /// <summary>A 1×1 PNG: enough for an evidence thumbnail in the demo.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public async Task SeedAsync(CancellationToken ct = default)
    {
        UserScope yiwu, owner;
        List<Guid> demo;
        List<string> fotang;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.RectificationTasks.AnyAsync(ct))
            {
                return;
            }

            yiwu = await As(db, "yiwu", Roles.CountyOffice, DemoPlanning.County, "义乌市", ct);
            owner = await As(db, "owner", Roles.RectificationOwner, DemoPlanning.ElevatedTownship, "佛堂镇", ct);
            demo = await db.Findings.Where(f => f.VillageCode.StartsWith(DemoPlanning.County) && f.Source == "lead")
                .OrderBy(f => f.VillageCode).ThenBy(f => f.Title).Select(f => f.Id).ToListAsync(ct);
            fotang = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(DemoPlanning.ElevatedTownship))
                .OrderBy(r => r.Code).Select(r => r.Code).Take(3).ToListAsync(ct);
        }

        var today = SavePersonHandler.ChinaToday(clock);

        // 佛堂镇: 待整改, 整改中 with evidence, 申请销号 — the owner's own work list.
        string[] fotangTitles = ["村务公开栏长期未更新", "村集体厂房租金收缴不及时", "村级工程结算资料不全"];
        var own = new List<Guid>();
        for (var i = 0; i < fotang.Count; i++)
        {
            var fid = await findings.Handle(new SaveFinding(null, fotang[i], fotangTitles[i], "巡察组走访发现，群众反映较多。", i == 1 ? 36_000m : null,
                FindingTaxonomy.Corruption, i == 1 ? "村级\"三资\"管理" : i == 2 ? "工程项目" : "\"四议两公开\"", "visit", null, "村党组织书记", false, []), yiwu, ct);
            own.Add(await Create(fid, today.AddDays(20 + (i * 10)), yiwu, ct));
        }

        await Report(own[1], today.AddDays(-3), "已制定租金催缴台账，追回欠缴租金 2.1 万元，剩余部分约定分期缴纳。", owner, ct);
        await Report(own[2], today.AddDays(-6), "已补齐工程结算单、验收记录，并经村务监督委员会审核公示。", owner, ct);
        await review.Apply(own[2], "资料已全部补齐，申请销号。", owner, ct);

        if (demo.Count >= 5)
        {
            // 已销号 with its evaluation.
            var closed = await Create(demo[0], today.AddDays(5), yiwu, ct);
            await Report(closed, today.AddDays(-12), "已重新履行民主程序，资产发包合同经村民代表会议表决通过并公示。", yiwu, ct);
            await review.Apply(closed, null, yiwu, ct);
            await review.Approve(new ApproveClose(closed, 92, "实地核查", 96, "群众评价较好，制度已上墙。", InstitutionsBuilt: 2, PeopleAdmonished: 1), yiwu, ct);

            // Overdue and escalated: the deadline passed nine days ago (set directly, as time would have).
            var late = await Create(demo[1], today.AddDays(1), yiwu, ct);
            await Report(late, today.AddDays(-20), "已排查补贴发放名册，正在逐户核对。", yiwu, ct);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var t = await db.RectificationTasks.SingleAsync(x => x.Id == late, ct);
                t.Deadline = today.AddDays(-9);
                await db.SaveChangesAsync(ct);
            }

            // Reopened by 回头看: closed, then found to have slipped back.
            var reopened = await Create(demo[3], today.AddDays(10), yiwu, ct);
            await Report(reopened, today.AddDays(-15), "大额支出已补充履行\"四议两公开\"程序。", yiwu, ct);
            await review.Apply(reopened, null, yiwu, ct);
            await review.Approve(new ApproveClose(reopened, 85, "资料审核", 90, null, InstitutionsBuilt: 1), yiwu, ct);
            await review.Reopen(reopened, "回头看发现：近期两笔大额支出仍未经村民代表会议表决，问题反弹。", today.AddDays(30), yiwu, ct);

            // 申请销号 and 待整改 on the others.
            var applied = await Create(demo[4], today.AddDays(15), yiwu, ct);
            await Report(applied, today.AddDays(-2), "已清理白条 23 张，补齐合规票据，财务人员参加业务培训。", yiwu, ct);
            await review.Apply(applied, null, yiwu, ct);
            await Create(demo[2], today.AddDays(45), yiwu, ct);
        }

        await sweep.RunAsync(ct);
    }

    private async Task<Guid> Create(Guid findingId, DateOnly deadline, UserScope yiwu, CancellationToken ct)
    {
        var draft = await defaults.Handle(findingId, yiwu, ct);
        return await save.Handle(new SaveRectificationTask(null, findingId, draft.Title,
            "1. 召开专题会议，剖析问题原因，明确责任人和完成时限；\n2. 逐项整改到位，全程留痕；\n3. 举一反三，完善相关制度。",
            deadline, draft.Owners), yiwu, ct);
    }

    private async Task Report(Guid taskId, DateOnly date, string text, UserScope by, CancellationToken ct)
    {
        using var photo = new MemoryStream(Photo);
        await progress.Handle(new ReportProgress(taskId, date, text, [new UploadedFile("整改现场照片.png", photo)]), by, ct);
    }

    private static async Task<UserScope> As(XunchaDbContext db, string userName, string role, string scope, string scopeName, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        return new UserScope(user?.Id ?? userName, userName, user?.DisplayName ?? userName, new HashSet<string> { role }, scope, scopeName);
    }
}
