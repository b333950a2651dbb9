using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Regions;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12);
        b.Property(r => r.Name).HasMaxLength(100).IsRequired();
        b.Property(r => r.Level).HasConversion<int>();
        b.Property(r => r.ParentCode).HasMaxLength(12);
        b.Property(r => r.Kind).HasMaxLength(10);
        b.HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Profile).WithOne().HasForeignKey<VillageProfile>(p => p.VillageCode).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ParentCode);
        b.HasIndex(r => r.Level);
        b.HasIndex(r => r.Name);
    }
}

internal sealed class VillageProfileConfiguration : IEntityTypeConfiguration<VillageProfile>
{
    public void Configure(EntityTypeBuilder<VillageProfile> b)
    {
        b.ToTable("village_profiles");
        b.HasKey(p => p.VillageCode);
        b.Property(p => p.VillageCode).HasMaxLength(12);
        b.Property(p => p.CollectiveIncome).HasPrecision(18, 2);
        b.Property(p => p.KeyWorkScore).HasPrecision(5, 2);
        b.Property(p => p.Chart).HasMaxLength(4);
        b.Property(p => p.WorksAmount).HasPrecision(18, 2);
    }
}
