using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Planning;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class ChecklistTemplateItemConfiguration : IEntityTypeConfiguration<ChecklistTemplateItem>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplateItem> b)
    {
        b.ToTable("checklist_template_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Area).HasMaxLength(30);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Condition).HasConversion<int>();
        b.Property(x => x.Parameter).HasMaxLength(50);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.ToTable("checklist_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Area).HasMaxLength(30);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.UpdatedById).HasMaxLength(450);
        b.HasOne<RoundTarget>().WithMany().HasForeignKey(x => x.RoundTargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RoundTargetId);
    }
}
