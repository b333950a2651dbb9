using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Regions;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class VillageCadreConfiguration : IEntityTypeConfiguration<VillageCadre>
{
    public void Configure(EntityTypeBuilder<VillageCadre> b)
    {
        b.ToTable("village_cadres");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Position).HasMaxLength(20);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VillageCode);
        b.HasIndex(x => x.IdNumber);
    }
}

internal sealed class CadreRelativeConfiguration : IEntityTypeConfiguration<CadreRelative>
{
    public void Configure(EntityTypeBuilder<CadreRelative> b)
    {
        b.ToTable("cadre_relatives");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.CadreIdNumber).HasMaxLength(18);
        b.Property(x => x.RelativeName).HasMaxLength(50);
        b.Property(x => x.RelativeIdNumber).HasMaxLength(18);
        b.Property(x => x.Relation).HasMaxLength(20);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VillageCode);
        b.HasIndex(x => x.RelativeIdNumber);
    }
}

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> b)
    {
        b.ToTable("petitions");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.PetitionNo).HasMaxLength(50);
        b.Property(x => x.Category).HasMaxLength(50);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.ReporterNameProtected).HasMaxLength(400);
        b.Property(x => x.ReporterPhoneProtected).HasMaxLength(400);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.VillageCode, x.PetitionNo }).IsUnique();
        b.HasIndex(x => x.ReceivedDate);
    }
}
