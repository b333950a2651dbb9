using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Feedback;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class FeedbackRecordConfiguration : IEntityTypeConfiguration<FeedbackRecord>
{
    public void Configure(EntityTypeBuilder<FeedbackRecord> b)
    {
        b.ToTable("feedback_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.GivenBy).HasMaxLength(200);
        b.Property(x => x.Attendees).HasMaxLength(1000);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RoundId, x.Level, x.RegionCode }).IsUnique();
    }
}
