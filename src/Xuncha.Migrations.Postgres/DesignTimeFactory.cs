using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Xuncha.Core.Persistence;

namespace Xuncha.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider; never used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<XunchaDbContext>
{
    public XunchaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<XunchaDbContext>();
        XunchaDatabase.Configure(options, new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=xuncha_design;Username=postgres", "."));
        return new XunchaDbContext(options.Options);
    }
}
