using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Features.Reports;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// The demo's 群众反映: a channel for each target village of 义乌's current round and eight reports
/// in a few of them, anonymous and named (names and phones encrypted like real ones), some handled.
/// </summary>
public sealed class DemoReports(IDbContextFactory<XunchaDbContext> dbFactory, ReportChannelsHandler channels, ProtectedDataCipher cipher, TimeProvider clock)
{
    private static readonly (string Category, string Content, string? Name, string? Phone, string Status, string? Note)[] Samples =
    [
        ("工程", "村里去年修的机耕路才一年就开裂了，听说是村干部亲戚承包的，没有公开招标，希望巡察组查一查工程款是怎么付的。", null, null, ReportStatus.Pending, null),
        ("惠民资金", "我家是低保户，今年上半年的低保金一直没有发到卡上，问村里说是在审核，但隔壁不符合条件的人家却领到了。", "陈秀英", "13857901234", ReportStatus.Pending, null),
        ("财务", "村集体的厂房出租收入好几年没有公开过，村务公开栏上只贴了支出，没有收入明细。", null, null, ReportStatus.ToVisit, "已安排巡察组走访村监委会和承租企业核实。"),
        ("干部作风", "村支书经常不在村里，村民办事找不到人，盖个章要跑好几趟。", "王建国", "13905796688", ReportStatus.Pending, null),
        ("惠民资金", "去年的危房改造补助，有的户房子根本没有改造也领了补助款。", null, null, ReportStatus.ToLead, "与筛查发现的补助疑点合并研判。"),
        ("工程", "村文化礼堂的装修项目分成了好几个小合同，每个都在五万元以下，是不是为了规避招投标？", "李明", "057985512345", ReportStatus.ToFinding, "经核实合同拆分属实，已列入问题清单。"),
        ("其他", "反映邻里宅基地纠纷，希望村里出面调解。", null, null, ReportStatus.Declined, "属民事纠纷，不属于巡察受理范围，已告知向镇司法所申请调解。"),
        ("财务", "村里招待费报销很多，发票都是同一家饭店的，金额也很整齐，怀疑有虚报。", "赵丽华", "13757923456", ReportStatus.Pending, null),
    ];

    public async Task SeedAsync(Guid roundId, UserScope office, CancellationToken ct = default)
    {
        await channels.Create(new CreateChannels(roundId, "义乌市委巡察组 联系电话：0579-85520126（工作日 8:30—17:30）  邮政信箱：义乌市 A001 号信箱"), office, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.ReportChannels.Where(c => c.RoundId == roundId).OrderBy(c => c.VillageCode).ToListAsync(ct);
        var now = clock.GetUtcNow();
        for (var i = 0; i < Samples.Length && open.Count > 0; i++)
        {
            var s = Samples[i];
            var channel = open[i % Math.Min(open.Count, 5)];
            var at = now.AddDays(-(Samples.Length - i) * 2).AddHours(-i);
            db.PublicReports.Add(new PublicReport
            {
                Id = Guid.CreateVersion7(at),
                ChannelId = channel.Id,
                RoundId = roundId,
                VillageCode = channel.VillageCode,
                ReceiptNo = $"{at.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-DEMO{i + 1:00}",
                Category = s.Category,
                Content = s.Content,
                Anonymous = s.Name is null,
                ReporterNameProtected = cipher.Protect(s.Name),
                ReporterPhoneProtected = cipher.Protect(s.Phone),
                ReceivedAt = at,
                SourceIpHash = cipher.Fingerprint($"demo-{i}"),
                Status = s.Status,
                HandledBy = s.Status == ReportStatus.Pending ? null : "义乌市委巡察办",
                HandledAt = s.Status == ReportStatus.Pending ? null : at.AddDays(1),
                HandlingNote = s.Note,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
