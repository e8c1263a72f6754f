using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Once a day: deletes the media files nothing shows any more. An import copies a page's files when the file is read, so
// a preview that was never confirmed, a module deleted or an image edited out of a module leaves files behind. A file
// is kept while it is in use (MediaUse: a module of its institution or its logo names it), and for a week after it was
// stored, so a preview left open over a weekend still imports whole.
// Cross-institution like the other sweeps: TenantScopes.ForEachInstitutionAsync works inside each in its own scope.
public sealed class ForgetUnusedMediaJob(TenantScopes scopes, TimeProvider clock, ILogger<ForgetUnusedMediaJob> logger)
{
    public const string RecurringJobId = "media:forget-unused";
    public const string Cron = "17 3 * * *";

    public static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = (clock.GetUtcNow() - Grace).ToUniversalTime();
        await scopes.ForEachInstitutionAsync(async (info, services) =>
        {
            var tenantDb = services.GetRequiredService<PlatformDbContext>();
            var deleted = await MediaUse.Unused(tenantDb)
                .Where(f => f.InstitutionId == info.Id && f.CreatedAt < before)
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} media files of {Institution} that nothing showed", deleted, info.Slug);
            }
        }, logger, cancellationToken);
    }
}
