using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Audit;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.ToTable("access_log");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.RecordId).HasMaxLength(100);
        b.Property(x => x.Purpose).HasMaxLength(200);
        b.HasIndex(x => new { x.Kind, x.RecordId });
    }
}
