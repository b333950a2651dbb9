using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;

namespace Xuncha.Core.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<XunchaUser>
{
    public void Configure(EntityTypeBuilder<XunchaUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50).IsRequired();
        b.Property(u => u.Organization).HasMaxLength(100).IsRequired();
        b.Property(u => u.ScopeCode).HasMaxLength(12).IsRequired();
        b.HasOne<Region>().WithMany().HasForeignKey(u => u.ScopeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.ScopeCode);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<XunchaUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
