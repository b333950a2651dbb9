using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Domain.Users;

namespace Xuncha.Core.Persistence;

public sealed class XunchaDbContext(DbContextOptions<XunchaDbContext> options)
    : IdentityDbContext<XunchaUser>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<VillageProfile> VillageProfiles => Set<VillageProfile>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ScreeningBatch> ScreeningBatches => Set<ScreeningBatch>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Finding> Findings => Set<Finding>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(XunchaDbContext).Assembly);
    }
}
