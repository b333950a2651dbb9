using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Reports;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class FieldRecordConfiguration : IEntityTypeConfiguration<FieldRecord>
{
    public void Configure(EntityTypeBuilder<FieldRecord> b)
    {
        b.ToTable("field_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.PersonName).HasMaxLength(50);
        b.Property(x => x.PersonCategory).HasMaxLength(20);
        b.Property(x => x.Learned).HasMaxLength(4000);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FieldRecord>().WithMany().HasForeignKey(x => x.PreviousRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RoundId, x.VillageCode, x.Date });
        b.HasIndex(x => new { x.VillageCode, x.Date });
        b.HasOne<PublicReport>().WithMany().HasForeignKey(x => x.PublicReportId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GuidanceGroupConfiguration : IEntityTypeConfiguration<GuidanceGroup>
{
    public void Configure(EntityTypeBuilder<GuidanceGroup> b)
    {
        b.ToTable("guidance_groups");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GuidanceRecordConfiguration : IEntityTypeConfiguration<GuidanceRecord>
{
    public void Configure(EntityTypeBuilder<GuidanceRecord> b)
    {
        b.ToTable("guidance_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<GuidanceGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.GroupId, x.VillageCode });
    }
}

internal sealed class GuidanceSuggestionConfiguration : IEntityTypeConfiguration<GuidanceSuggestion>
{
    public void Configure(EntityTypeBuilder<GuidanceSuggestion> b)
    {
        b.ToTable("guidance_suggestions");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.RaisedById).HasMaxLength(450);
        b.Property(x => x.AdoptedById).HasMaxLength(450);
        b.Property(x => x.ImplementedById).HasMaxLength(450);
        b.HasOne<GuidanceGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.GroupId, x.VillageCode });
    }
}
