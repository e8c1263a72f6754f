using System.Globalization;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Every hour, in each institution: deletes imports older than Import:Housekeeping:KeepDays, and marks failed the imports
// that waited in the queue past QueuedMinutes (StartCourseImport commits the import before it enqueues its job, so a
// failure in between leaves one queued with no job; should the job run after all, it finds the import finished and
// stops). Cross-institution like the other sweeps: TenantScopes.ForEachInstitutionAsync works inside each in its own scope.
public sealed class TidyCourseImportsJob(
    TenantScopes scopes, TimeProvider clock, IOptions<ImportHousekeepingOptions> options, ILogger<TidyCourseImportsJob> logger)
{
    public const string RecurringJobId = "imports:tidy";
    public const string Cron = "41 * * * *";

    private const string DeleteOld = "DELETE FROM course_imports WHERE institution_id = @institution AND created_at < @before";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = (now - TimeSpan.FromDays(options.Value.KeepDays)).ToUniversalTime();
        var queuedBefore = now - TimeSpan.FromMinutes(options.Value.QueuedMinutes);
        await scopes.ForEachInstitutionAsync(async (info, services) =>
        {
            var tenantDb = services.GetRequiredService<PlatformDbContext>();
            var deleted = await tenantDb.Database.ExecuteSqlRawAsync(
                DeleteOld, [new NpgsqlParameter("institution", info.Id), new NpgsqlParameter("before", before)], cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} imports of {Institution} older than {Days} days", deleted, info.Slug, options.Value.KeepDays);
            }

            var lost = await tenantDb.CourseImports.Where(i => i.Status == CourseImportStatus.Queued && i.CreatedAt < queuedBefore).ToListAsync(cancellationToken);
            if (lost.Count == 0)
            {
                return;
            }
            var localizer = services.GetRequiredService<IStringLocalizer<TidyCourseImportsJob>>();
            foreach (var import in lost)
            {
                var locale = new Locale(CultureInfo.GetCultureInfo(import.Culture), CultureInfo.GetCultureInfo(import.FormatCulture));
                import.Status = CourseImportStatus.Failed;
                import.Message = locale.Render(() => localizer[
                    "The import did not start within {minutes, plural, one {# minute} other {# minutes}}. Start it again; if it does not start again, tell the platform's administrators.",
                    options.Value.QueuedMinutes].Value);
                import.Upload = null;
                import.FinishedAt = now;
                logger.LogWarning("Import {ImportId} of {Source} in {Institution} waited since {CreatedAt} without starting; marked failed", import.Id, import.Source, info.Slug, import.CreatedAt);
            }
            await tenantDb.SaveChangesAsync(cancellationToken);
        }, logger, cancellationToken);
    }
}
