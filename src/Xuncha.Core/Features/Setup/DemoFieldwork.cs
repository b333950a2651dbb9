using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// Demo fieldwork: about thirty visits and talks over the first villages of 义乌's current round
/// (some chained, some linked to leads), and a guidance group of 婺城 (where the demo `guide`
/// works) with 蹲点指导 records and suggestions in every status.
/// </summary>
public sealed class DemoFieldwork(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    private static readonly (FieldRecordKind Kind, string Category, string Person, string Place, string Learned)[] Visits =
    [
        (FieldRecordKind.HomeVisit, "在家群众", "王某", "村民家中", "反映村里修路工程由村干部亲属承包，价格偏高。"),
        (FieldRecordKind.PhoneVisit, "外出人员", "陈某", "电话", "在外务工，反映土地流转租金两年未发放。"),
        (FieldRecordKind.Talk, "关键对象", "村报账员", "村委会", "谈话了解现金收付情况，承认部分收入未及时入账。"),
        (FieldRecordKind.DocumentReview, "", "", "村档案室", "调阅 2024 年会计凭证，发现 3 笔大额现金支付无审批。"),
        (FieldRecordKind.HomeVisit, "老党员", "李某", "村民家中", "反映三会一课记录存在补记现象。"),
        (FieldRecordKind.HomeVisit, "低保户", "张某", "村民家中", "低保金按时发放，对村里评议过程有疑问。"),
        (FieldRecordKind.PhoneVisit, "乡贤", "周某", "电话", "建议公开集体资产出租合同。"),
        (FieldRecordKind.Talk, "两代表一委员", "吴某", "镇政府", "反映村务公开栏长期未更新。"),
        (FieldRecordKind.HomeVisit, "上访户", "郑某", "村民家中", "多次信访宅基地审批问题，未得到答复。"),
        (FieldRecordKind.HomeVisit, "困难群众", "孙某", "村民家中", "反映救助资金发放名单不公开。"),
    ];

    public async Task SeedAsync(Guid roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.FieldRecords.AnyAsync(ct) || await db.GuidanceGroups.AnyAsync(ct))
        {
            return;
        }

        var team = await db.Users.Where(u => u.UserName == "team").Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        var byId = team?.Id ?? "team";
        var inspectors = new List<string> { team?.DisplayName ?? "赵演练" };
        var villages = await db.RoundTargets.Where(t => t.RoundId == roundId).OrderBy(t => t.RiskRank).Select(t => t.VillageCode).Take(8).ToListAsync(ct);
        var leads = await db.Leads.Where(l => villages.Contains(l.VillageCode)).Select(l => new { l.Id, l.VillageCode }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var now = clock.GetUtcNow();
        var n = 0;
        for (var v = 0; v < villages.Count && n < 30; v++)
        {
            var village = villages[v];
            FieldRecord? first = null;
            var count = v < 2 ? 6 : 3;
            for (var i = 0; i < count && n < 30; i++, n++)
            {
                var visit = Visits[(v * 3 + i) % Visits.Length];
                var record = new FieldRecord
                {
                    Id = Guid.NewGuid(), Kind = visit.Kind, RoundId = roundId, VillageCode = village, Date = today.AddDays(-(n % 9)),
                    Place = visit.Place, PersonName = visit.Person, PersonCategory = visit.Category, Inspectors = inspectors,
                    Learned = visit.Learned, CreatedById = byId, CreatedAt = now.AddMinutes(-n),
                };
                if (i == 0 && leads.FirstOrDefault(l => l.VillageCode == village) is { } lead)
                {
                    record.LeadIds = [lead.Id];
                }

                first ??= record;
                db.FieldRecords.Add(record);
            }

            // A key person visited again, and a hard issue followed up.
            if (first is not null && n < 30 && v < 4)
            {
                db.FieldRecords.Add(new FieldRecord
                {
                    Id = Guid.NewGuid(), Kind = v % 2 == 0 ? FieldRecordKind.RepeatVisit : FieldRecordKind.FollowUp, RoundId = roundId, VillageCode = village,
                    Date = first.Date.AddDays(1) > today ? today : first.Date.AddDays(1), Place = first.Place, PersonName = first.PersonName,
                    PersonCategory = first.PersonCategory == "" ? "疑难重点" : first.PersonCategory, Inspectors = inspectors,
                    Learned = "再次了解：" + first.Learned, PreviousRecordId = first.Id, LeadIds = first.LeadIds, CreatedById = byId, CreatedAt = now,
                });
                n++;
            }
        }

        await SeedGuidanceAsync(db, today, now, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedGuidanceAsync(XunchaDbContext db, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var guide = await db.Users.Where(u => u.UserName == "guide").Select(u => u.Id).SingleOrDefaultAsync(ct) ?? "guide";
        var villages = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("330702")).OrderBy(r => r.Code).Select(r => r.Code).Take(3).ToListAsync(ct);
        if (villages.Count == 0)
        {
            return;
        }

        var group = new GuidanceGroup
        {
            Id = Guid.NewGuid(), Name = "市委巡察第一指导组（婺城）", RegionCode = "330702", Members = ["孙虚构", "钱示例", "李样本"],
            VillageCodes = villages, CreatedById = guide, CreatedAt = now,
        };
        db.GuidanceGroups.Add(group);
        string[] done = ["列席村巡察组进驻动员会，指导制定走访计划。", "抽查走访记录 12 份，指出记录过简问题。", "参加问题梳理会，指导问题定性。"];
        for (var i = 0; i < villages.Count; i++)
        {
            db.GuidanceRecords.Add(new GuidanceRecord { Id = Guid.NewGuid(), GroupId = group.Id, VillageCode = villages[i], Date = today.AddDays(-2 - i), Content = done[i], CreatedById = guide, CreatedAt = now });
        }

        db.GuidanceSuggestions.AddRange(
            new GuidanceSuggestion { Id = Guid.NewGuid(), GroupId = group.Id, VillageCode = villages[0], Text = "走访应覆盖外出人员，增加电话访。", RaisedOn = today.AddDays(-2), RaisedById = guide },
            new GuidanceSuggestion
            {
                Id = Guid.NewGuid(), GroupId = group.Id, VillageCode = villages[1], Text = "对工程项目问题开展跟踪访，查清资金去向。", Status = SuggestionStatus.Adopted,
                RaisedOn = today.AddDays(-3), RaisedById = guide, AdoptedOn = today.AddDays(-2), AdoptedById = guide,
            },
            new GuidanceSuggestion
            {
                Id = Guid.NewGuid(), GroupId = group.Id, VillageCode = villages[2], Text = "谈话笔录须经被谈话人签字确认。", Status = SuggestionStatus.Implemented,
                RaisedOn = today.AddDays(-4), RaisedById = guide, AdoptedOn = today.AddDays(-3), AdoptedById = guide, ImplementedOn = today.AddDays(-1), ImplementedById = guide,
            });
    }
}
