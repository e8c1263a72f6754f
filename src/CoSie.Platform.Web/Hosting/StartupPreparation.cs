using CoSie.Platform.Web.Features.Courses;
using CoSie.Platform.Web.Features.Courses.Media;
using CoSie.Platform.Web.Features.Demo;
using CoSie.Platform.Web.Features.Lti.Services;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Features.Lti;
using CoSie.Platform.Web.Features.Setup;

namespace CoSie.Platform.Web.Hosting;

public static class StartupPreparation
{
    // Runs before the app takes requests: schema, recurring jobs, the first platform admin from the environment, demo content.
    public static async Task PrepareAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        app.Services.RegisterDigestSchedule();
        app.Services.RegisterMediaCleanup();
        app.Services.RegisterImportTidying();
        app.Services.RegisterLtiSweep();
        app.Services.RegisterRosterSchedule();

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirstRun>().CreateAdminFromEnvironmentAsync(app.Configuration);
        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
