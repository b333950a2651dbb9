using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

/// <summary>What the 生成整改任务 form starts with: the four owners named after the finding's village, township and county.</summary>
public sealed record TaskDraft(Guid FindingId, string Title, string VillageName, string TownshipName, IReadOnlyList<OwnerInput> Owners, DateOnly Deadline);

public sealed class OwnerDefaultsHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RectificationSettings> settings, TimeProvider clock)
{
    /// <summary>Sector departments by finding category, as county offices usually assign them.</summary>
    private static readonly (string Category, string Department)[] Departments =
    [
        ("工程项目", "住房和城乡建设局"),
        ("惠民惠农资金", "民政局"),
        ("财务制度", "财政局"),
        ("党建", "委组织部"),
        ("组织生活", "委组织部"),
        ("班子建设", "委组织部"),
        ("生态环保", "生态环境分局"),
        ("安全生产", "应急管理局"),
    ];

    public async Task<TaskDraft> Handle(Guid findingId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Offices, RectificationTexts.ManageAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var f = await FindingAccess.Load(db, findingId, user, ct);
        var names = await db.Regions.Where(r => r.Code == f.VillageCode)
            .Select(r => new { Village = r.Name, Township = r.Parent!.Name, TownshipCode = r.Parent.Code, County = r.Parent.Parent!.Name, CountyCode = r.Parent.Parent.Code })
            .SingleAsync(ct);
        var category = f.CategoryL2 ?? f.CategoryL1 ?? "";
        var department = Departments.FirstOrDefault(d => category.Contains(d.Category)).Department ?? "农业农村局";
        var units = new Dictionary<string, (string Name, string Code)>
        {
            ["village-org"] = ($"{names.Village}党组织", f.VillageCode),
            ["township"] = ($"{names.Township}党委", names.TownshipCode),
            ["department"] = ($"{names.County}{department}", names.CountyCode),
            ["oversight"] = ($"{names.County}委巡察办", names.CountyCode),
        };
        var owners = settings.Value.EffectiveOwnerKinds
            .Select(k => units.TryGetValue(k.Key, out var u) ? new OwnerInput(k.Key, u.Name, u.Code) : new OwnerInput(k.Key, "", null)).ToList();
        return new TaskDraft(f.Id, $"关于「{f.Title}」问题的整改", names.Village, names.Township, owners, People.SavePersonHandler.ChinaToday(clock).AddDays(30));
    }
}
