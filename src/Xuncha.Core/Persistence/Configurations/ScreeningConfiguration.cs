using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class ScreeningBatchConfiguration : IEntityTypeConfiguration<ScreeningBatch>
{
    public void Configure(EntityTypeBuilder<ScreeningBatch> b)
    {
        b.ToTable("screening_batches");
        b.HasKey(x => x.Id);
        b.Property(x => x.ScopeCode).HasMaxLength(12);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Source).HasMaxLength(300);
        b.Property(x => x.Trigger).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.RulePackVersion).HasMaxLength(30);
        b.Property(x => x.PackagePath).HasMaxLength(500);
        b.HasIndex(x => x.ScopeCode);
        b.HasIndex(x => x.StartedAt);
    }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("leads");
        b.HasKey(x => x.Id);
        b.Property(x => x.RuleCode).HasMaxLength(8);
        b.Property(x => x.RuleName).HasMaxLength(50);
        b.Property(x => x.Severity).HasMaxLength(2);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Ref).HasMaxLength(1000);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Explanation).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.TriagedById).HasMaxLength(450);
        b.Property(x => x.DismissReason).HasMaxLength(1000);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RuleCode, x.VillageCode, x.Ref }).IsUnique();
        b.HasIndex(x => x.VillageCode);
        b.HasIndex(x => x.Status);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("findings");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VillageCode);
        b.Property(x => x.CategoryL1).HasMaxLength(100);
        b.Property(x => x.CategoryL2).HasMaxLength(100);
        b.Property(x => x.ResponsiblePeople).HasMaxLength(1000);
        b.Property(x => x.CaseWriteUp).HasMaxLength(20000);
        b.Property(x => x.Status).HasConversion<int>();
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.RoundId);
    }
}
