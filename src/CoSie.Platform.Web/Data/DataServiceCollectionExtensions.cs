using System.Runtime.Loader;

namespace CoSie.Platform.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string MigrationsAssemblyName = "CoSie.Platform.Migrations";

    private static int ResolverInstalled;

    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration)
    {
        var connections = new DatabaseConnections(configuration);
        services.AddSingleton(connections);

        LoadMigrationsAssembly();
        services.AddSingleton<TenantStampingInterceptor>();
        services.AddSingleton<TenantSessionInterceptor>();
        var tallyCommands = Hosting.ServerTimingMiddleware.Enabled(configuration);
        services.AddSingleton<SqlCommandTallyInterceptor>();
        services.AddDbContext<PlatformDbContext>((provider, options) =>
        {
            options
                .UseNpgsql(connections.App, npgsql => npgsql.MigrationsAssembly(MigrationsAssemblyName))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(
                    provider.GetRequiredService<TenantStampingInterceptor>(),
                    provider.GetRequiredService<TenantSessionInterceptor>());
            if (tallyCommands)
            {
                options.AddInterceptors(provider.GetRequiredService<SqlCommandTallyInterceptor>());
            }
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    // The migrations assembly references this one, so this one cannot reference it back; its build copies it
    // next to the app (see the migrations project), and the default load context finds it there by name.
    private static void LoadMigrationsAssembly()
    {
        if (Interlocked.Exchange(ref ResolverInstalled, 1) == 1)
        {
            return;
        }
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            if (name.Name != MigrationsAssemblyName)
            {
                return null;
            }
            var path = Path.Combine(AppContext.BaseDirectory, MigrationsAssemblyName + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
