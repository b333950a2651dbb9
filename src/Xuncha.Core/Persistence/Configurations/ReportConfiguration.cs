using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Domain.Screening;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class ReportChannelConfiguration : IEntityTypeConfiguration<ReportChannel>
{
    public void Configure(EntityTypeBuilder<ReportChannel> b)
    {
        b.ToTable("report_channels");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Token).HasMaxLength(40);
        b.Property(x => x.TeamContact).HasMaxLength(500);
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Token).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.VillageCode }).IsUnique();
    }
}

internal sealed class PublicReportConfiguration : IEntityTypeConfiguration<PublicReport>
{
    public void Configure(EntityTypeBuilder<PublicReport> b)
    {
        b.ToTable("public_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.ReceiptNo).HasMaxLength(20);
        b.Property(x => x.Category).HasMaxLength(20);
        b.Property(x => x.Content).HasMaxLength(2000);
        b.Property(x => x.ReporterNameProtected).HasMaxLength(400);
        b.Property(x => x.ReporterPhoneProtected).HasMaxLength(400);
        b.Property(x => x.SourceIpHash).HasMaxLength(64);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.HandledBy).HasMaxLength(256);
        b.Property(x => x.HandlingNote).HasMaxLength(500);
        b.HasOne<ReportChannel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ReceiptNo).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.VillageCode });
        b.HasIndex(x => x.Status);
        b.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.SetNull);
    }
}
