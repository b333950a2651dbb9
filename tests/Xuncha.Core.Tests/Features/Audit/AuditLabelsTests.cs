using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Audit;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Tests.Features.Audit;

/// <summary>
/// The audit log speaks Chinese: every entity type and every property of the EF model (on both
/// providers) has a Chinese label, so a table or column added later cannot reach the log under its
/// code name; changes are written as "label=value" joined by "；", protected ones by label only.
/// </summary>
public sealed class AuditLabelsTests
{
    private static XunchaDbContext Context(string provider)
    {
        var options = new DbContextOptionsBuilder<XunchaDbContext>();
        _ = provider == "postgres"
            ? options.UseNpgsql("Host=localhost;Database=unused")
            : options.UseSqlite("Data Source=:memory:");
        return new XunchaDbContext(options.Options);
    }

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static IEnumerable<IEntityType> EntityTypes(XunchaDbContext db) =>
        db.Model.GetEntityTypes().Where(t => !t.IsOwned()).OrderBy(t => t.ClrType.Name);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void EveryEntityTypeAndProperty_OfTheModel_HasAChineseLabel(string provider)
    {
        using var db = Context(provider);
        var missing = new List<string>();
        foreach (var type in EntityTypes(db))
        {
            var entity = type.ClrType.Name;
            if (!AuditLabels.HasEntity(entity) || !IsChinese(AuditLabels.Entity(entity)))
            {
                missing.Add($"实体 {entity}");
            }

            foreach (var p in type.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                if (!AuditLabels.HasProperty(entity, p.Name) || !IsChinese(AuditLabels.Property(entity, p.Name)))
                {
                    missing.Add($"{entity}.{p.Name}");
                }
            }
        }

        Assert.True(missing.Count == 0, "审计日志缺少中文名称（请补充 AuditLabels）：" + string.Join("，", missing));
        Assert.True(EntityTypes(db).Count() > 40, "the walk saw the whole model");
    }

    [Fact]
    public void EveryEnumValue_StoredInTheModel_HasAChineseName()
    {
        using var db = Context("sqlite");
        var enums = EntityTypes(db).SelectMany(t => t.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Where(t => t.IsEnum).Distinct().ToList();
        Assert.NotEmpty(enums);
        var missing = enums.SelectMany(e => Enum.GetValues(e).Cast<Enum>()).Where(v => !IsChinese(AuditLabels.Value(v)))
            .Select(v => $"{v.GetType().Name}.{v}").ToList();
        Assert.True(missing.Count == 0, "审计日志缺少枚举值的中文名称：" + string.Join("，", missing));
    }

    [Fact]
    public void EntityLabels_AreDistinct_AndOldEnglishNamesAreShownInChinese()
    {
        var duplicates = AuditLabels.EntityLabels.GroupBy(e => e.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Equal("问题", AuditLabels.Entity(nameof(Finding)));
        Assert.Equal("整改任务", AuditLabels.Entity("RectificationTask"));
        Assert.Equal("导出文件", AuditLabels.Entity("file"));
        Assert.Equal("问题", AuditLabels.Entity("问题"));
    }

    [Fact]
    public void Capture_WritesChineseLabelsAndValues_AndProtectedChangesByLabelOnly()
    {
        using var db = Context("sqlite");
        var finding = new Finding
        {
            Id = Guid.NewGuid(), VillageCode = "330782100201", Title = "原标题", Source = "review", CreatedById = "u1",
            CreatedAt = new DateTimeOffset(2026, 3, 5, 1, 2, 3, TimeSpan.Zero), RectifiedOnTheSpot = true,
        };
        db.Findings.Attach(finding);
        finding.Title = "新标题";
        finding.Status = FindingStatus.Rectifying;
        db.ChangeTracker.DetectChanges();
        var updated = AuditChanges.Capture(db.Entry(finding))!;
        Assert.Equal("问题", updated.Entity);
        Assert.Equal("状态=整改中；标题=新标题", updated.Detail);

        var added = new Finding { Id = Guid.NewGuid(), VillageCode = "330782100201", Title = "新增问题", Source = "review", CreatedById = "u1", CreatedAt = finding.CreatedAt };
        db.Findings.Add(added);
        var created = AuditChanges.Capture(db.Entry(added))!;
        Assert.Contains("村（社区）代码=330782100201", created.Detail);
        Assert.Contains("创建时间=2026-03-05 09:02:03；", created.Detail); // China time, as the 时间 column shows it
        Assert.DoesNotContain("Title", created.Detail);

        // Identity locks a user "for ever" with DateTimeOffset.MaxValue, which has no China time.
        var forever = new Finding { Id = Guid.NewGuid(), VillageCode = "330782100201", Title = "永久", Source = "review", CreatedById = "u1", CreatedAt = DateTimeOffset.MaxValue };
        db.Findings.Add(forever);
        Assert.Contains("创建时间=9999-12-31 23:59:59；", AuditChanges.Capture(db.Entry(forever))!.Detail);

        var petition = new Petition
        {
            Id = Guid.NewGuid(), VillageCode = "330782100201", PetitionNo = "XF-1", ReceivedDate = new DateOnly(2025, 5, 1),
            Category = "财务", Summary = "反映集体资产出租", Status = "办理中", ReporterNameProtected = "密文",
        };
        db.Petitions.Add(petition);
        var protectedChange = AuditChanges.Capture(db.Entry(petition))!;
        Assert.Equal("信访举报", protectedChange.Entity);
        Assert.Contains("反映人姓名", protectedChange.Detail);
        Assert.Contains("摘要", protectedChange.Detail);
        Assert.DoesNotContain("=", protectedChange.Detail);
        Assert.DoesNotContain("反映集体资产出租", protectedChange.Detail);
    }
}
