using CoSie.Platform.Web.Hosting;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now rather than through IOptions: whether this instance runs a job server, and with how many workers,
        // decides what is registered. Checked here for the same reason, so a bad setting stops the start with its name.
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        JobsOptions.Check(options);
        services.AddSingleton(options);
        var connections = new Data.DatabaseConnections(configuration);
        var connectionString = connections.App;
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = options.SchemaName,
            // An app role of its own may not create schemas, and an app that does not migrate leaves the schema to the
            // migration run: the migrator installs Hangfire's tables as the owner then.
            PrepareSchemaIfNecessary = connections.AppRole is null && configuration.GetValue("Database:MigrateOnStartup", true),
            // A running job keeps extending its lease, so a long job is never handed to a second worker; a job
            // whose server died is picked up again once the lease lapses.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.FromSeconds(5),
        };

        // The storage is an instance of this app's container rather than Hangfire's process-wide JobStorage.Current,
        // so clients, servers and the dashboard of one host never reach another host's database.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        // The same for the activator that builds each job from a DI scope: AddHangfire's default is the process-wide
        // JobActivator.Current, which every host that configures Hangfire overwrites with its own. With more than one
        // host in a process (as in the tests), a server would build its jobs from whichever host came last, with that
        // host's configuration and database, or from a container already disposed.
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new DisposalTolerantLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(provider.GetRequiredService<ILoggerFactory>())))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePlatformDashboardAssets());
        if (options.ServerEnabled)
        {
            services.AddHangfireServer((provider, server) =>
            {
                server.WorkerCount = options.WorkerCount;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                server.SchedulePollingInterval = TimeSpan.FromSeconds(options.SchedulePollingSeconds);
                // On shutdown, running jobs first get most of the host's time to finish; then they are cancelled, and
                // the queue hands each one that did not finish to another server (at the latest when its lease lapses).
                var shutdown = provider.GetRequiredService<IOptions<ShutdownOptions>>().Value.Timeout;
                server.StopTimeout = shutdown * 0.6;
                server.ShutdownTimeout = shutdown * 0.3;
            });
        }
        return services;
    }

    private static int DashboardAssetsAdded;

    // Hangfire keeps the dashboard's extra stylesheets and scripts in a list of its own for the whole process, so they
    // are added once, however many hosts the process builds (the tests build many). Jobs/Dashboard says what they do.
    private static IGlobalConfiguration UsePlatformDashboardAssets(this IGlobalConfiguration config)
    {
        if (Interlocked.Exchange(ref DashboardAssetsAdded, 1) == 0)
        {
            var assembly = typeof(JobsServiceCollectionExtensions).Assembly;
            config.UseDashboardStylesheet(assembly, "Jobs.Dashboard.dashboard.css")
                .UseDashboardJavaScript(assembly, "Jobs.Dashboard.dashboard.js");
        }
        return config;
    }

    public static IEndpointRouteBuilder MapPlatformJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new PlatformAdminDashboardFilter()],
            DashboardTitle = "CoSIE jobs",
            AppPath = "/admin/institutions",
        }).RequireAuthorization(Identity.PlatformPolicies.PlatformAdmin);
        // The dashboard polls its statistics by POSTing a form to /stats; Hangfire reads that form whatever the method,
        // so a GET (a bookmark, a link checker) failed with "Incorrect Content-Type" and answered 500. The more
        // specific route takes GETs away from the dashboard's catch-all and says which method works.
        endpoints.MapGet("/admin/jobs/stats", (HttpContext context) =>
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }).RequireAuthorization(Identity.PlatformPolicies.PlatformAdmin);
        return endpoints;
    }
}
