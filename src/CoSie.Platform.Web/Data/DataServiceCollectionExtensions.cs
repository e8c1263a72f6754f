using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string MigrationsAssemblyName = "CoSie.Platform.Migrations";

    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Set the environment variable ConnectionStrings__Default " +
                "(for example Host=localhost;Database=cosie;Username=cosie;Password=...), or start the app with ./cosie run.");
        }

        LoadMigrationsAssembly();
        services.AddSingleton<TenantStampingInterceptor>();
        services.AddDbContext<PlatformDbContext>((provider, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssemblyName))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<TenantStampingInterceptor>()));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    // The migrations assembly references this one, so this one cannot reference it back; the build copies it
    // next to the app (see the migrations project) and it is loaded from there by name.
    private static void LoadMigrationsAssembly()
    {
        var name = new AssemblyName(MigrationsAssemblyName);
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == MigrationsAssemblyName))
        {
            return;
        }
        try
        {
            Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            var path = Path.Combine(AppContext.BaseDirectory, MigrationsAssemblyName + ".dll");
            if (File.Exists(path))
            {
                AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }
        }
    }
}
