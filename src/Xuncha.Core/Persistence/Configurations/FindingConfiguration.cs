using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Findings;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class RecoveryConfiguration : IEntityTypeConfiguration<Recovery>
{
    public void Configure(EntityTypeBuilder<Recovery> b)
    {
        b.ToTable("finding_recoveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.FindingId);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("finding_evidence");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedById).HasMaxLength(450);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.FindingId);
    }
}

internal sealed class ClueTransferConfiguration : IEntityTypeConfiguration<ClueTransfer>
{
    public void Configure(EntityTypeBuilder<ClueTransfer> b)
    {
        b.ToTable("clue_transfers");
        b.HasKey(x => x.Id);
        b.Property(x => x.ToUnit).HasMaxLength(200);
        b.Property(x => x.ContentProtected).HasMaxLength(20000);
        b.Property(x => x.PersonsProtected).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.FindingId).IsUnique();
    }
}
