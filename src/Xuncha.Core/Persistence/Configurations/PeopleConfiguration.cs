using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Teams;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Gender).HasMaxLength(2);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Position).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.HomeVillageCode).HasMaxLength(12);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasMany(x => x.Works).WithOne().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Relatives).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RegionCode);
        b.HasIndex(x => x.IdNumber);
    }
}

internal sealed class PersonWorkConfiguration : IEntityTypeConfiguration<PersonWork>
{
    public void Configure(EntityTypeBuilder<PersonWork> b)
    {
        b.ToTable("person_works");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Unit).HasMaxLength(100);
    }
}

internal sealed class PersonRelativeConfiguration : IEntityTypeConfiguration<PersonRelative>
{
    public void Configure(EntityTypeBuilder<PersonRelative> b)
    {
        b.ToTable("person_relatives");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Relation).HasMaxLength(20);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.VillageCode).HasMaxLength(12);
        b.Property(x => x.Position).HasMaxLength(20);
    }
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("experts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Field).HasMaxLength(20);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.HomeVillageCode).HasMaxLength(12);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("teams");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Origin).HasMaxLength(10);
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RoundId);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("team_members");
        b.HasKey(x => x.Id);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.TeamId, x.PersonId }).IsUnique();
    }
}

internal sealed class ExpertInvitationConfiguration : IEntityTypeConfiguration<ExpertInvitation>
{
    public void Configure(EntityTypeBuilder<ExpertInvitation> b)
    {
        b.ToTable("expert_invitations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.InvitedById).HasMaxLength(450);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.FindingId);
    }
}
