using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Teams;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Schedule).HasMaxLength(4000);
        b.Property(x => x.SupervisionPlan).HasMaxLength(20000);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.ReviewNote).HasMaxLength(1000);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.Property(x => x.ReviewedById).HasMaxLength(450);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Year, x.RegionCode });
    }
}

internal sealed class PlanAttachmentConfiguration : IEntityTypeConfiguration<PlanAttachment>
{
    public void Configure(EntityTypeBuilder<PlanAttachment> b)
    {
        b.ToTable("plan_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> b)
    {
        b.ToTable("rounds");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Type).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.TownshipCode).HasMaxLength(12);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.LinkedRoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.LookBackOfRoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Targets).WithOne().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RegionCode);
        b.HasIndex(x => x.StartDate);
    }
}

internal sealed class RoundTargetConfiguration : IEntityTypeConfiguration<RoundTarget>
{
    public void Configure(EntityTypeBuilder<RoundTarget> b)
    {
        b.ToTable("round_targets");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.RiskScore).HasPrecision(9, 2);
        b.Property(x => x.OverrideReason).HasMaxLength(1000);
        b.Property(x => x.PickedById).HasMaxLength(450);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.RoundId, x.VillageCode }).IsUnique();
        b.HasIndex(x => x.VillageCode);
    }
}
