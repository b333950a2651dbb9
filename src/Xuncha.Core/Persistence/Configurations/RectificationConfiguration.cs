using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Notifications;
using Xuncha.Core.Domain.Rectification;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class RectificationTaskConfiguration : IEntityTypeConfiguration<RectificationTask>
{
    public void Configure(EntityTypeBuilder<RectificationTask> b)
    {
        b.ToTable("rectification_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Measures).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.Property(x => x.EvaluationMethod).HasMaxLength(50);
        b.Property(x => x.EvaluationNote).HasMaxLength(2000);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Owners).WithOne().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.FindingId);
        b.HasIndex(x => x.VillageCode);
        b.HasIndex(x => new { x.Status, x.Deadline });
    }
}

internal sealed class TaskOwnerConfiguration : IEntityTypeConfiguration<TaskOwner>
{
    public void Configure(EntityTypeBuilder<TaskOwner> b)
    {
        b.ToTable("rectification_owners");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(50);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.RegionCode).HasMaxLength(12);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("rectification_progress");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.ReportedById).HasMaxLength(450);
        b.Property(x => x.ReportedByName).HasMaxLength(100);
        b.HasOne<RectificationTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TaskId);
    }
}

internal sealed class ProgressEvidenceConfiguration : IEntityTypeConfiguration<ProgressEvidence>
{
    public void Configure(EntityTypeBuilder<ProgressEvidence> b)
    {
        b.ToTable("rectification_evidence");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TaskId);
    }
}

internal sealed class TaskEventConfiguration : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> b)
    {
        b.ToTable("rectification_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(50);
        b.Property(x => x.From).HasConversion<int?>();
        b.Property(x => x.To).HasConversion<int?>();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.ById).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasOne<RectificationTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TaskId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.Link).HasMaxLength(300);
        b.HasIndex(x => new { x.UserId, x.ReadAt });
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
    }
}
