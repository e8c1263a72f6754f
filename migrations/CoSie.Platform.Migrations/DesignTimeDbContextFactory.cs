using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoSie.Platform.Migrations;

// Lets `dotnet ef migrations add` build the model without starting the web host or reaching a database.
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>()
            .UseNpgsql("Host=localhost;Database=cosie_design", npgsql => npgsql.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new PlatformDbContext(options, new TenantContext());
    }
}
