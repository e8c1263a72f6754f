using CoSie.Platform.Web.Tenancy;
using Hangfire;
using Npgsql;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Once a day: deletes the media files nothing shows any more. An import copies a page's files when the file is read, so
// a preview that was never confirmed, a module deleted or an image edited out of a module leaves files behind. A file
// is kept while any module of its institution (draft or published, its HTML or its source) or the institution's logo
// names it, and for a week after it was stored, so a preview left open over a weekend still imports whole.
// Cross-institution like the other sweeps: TenantScopes.ForEachInstitutionAsync works inside each in its own scope.
public sealed class ForgetUnusedMediaJob(TenantScopes scopes, TimeProvider clock, ILogger<ForgetUnusedMediaJob> logger)
{
    public const string RecurringJobId = "media:forget-unused";
    public const string Cron = "17 3 * * *";

    public static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    // File names are "{fingerprint}.{extension}"; the fingerprint alone is searched, as every page names it that way.
    private const string Sql = """
        DELETE FROM media_files m
        WHERE m.institution_id = @institution AND m.created_at < @before
          AND NOT EXISTS (SELECT 1 FROM modules x WHERE x.institution_id = m.institution_id
                          AND (strpos(x.body_html, m.fingerprint) > 0 OR strpos(x.body_source, m.fingerprint) > 0))
          AND NOT EXISTS (SELECT 1 FROM institutions i WHERE i.id = m.institution_id AND strpos(coalesce(i.logo_file, ''), m.fingerprint) > 0)
        """;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = (clock.GetUtcNow() - Grace).ToUniversalTime();
        await scopes.ForEachInstitutionAsync(async (info, services) =>
        {
            var tenantDb = services.GetRequiredService<PlatformDbContext>();
            var deleted = await tenantDb.Database.ExecuteSqlRawAsync(
                Sql, [new NpgsqlParameter("institution", info.Id), new NpgsqlParameter("before", before)], cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} media files of {Institution} that nothing showed", deleted, info.Slug);
            }
        }, logger, cancellationToken);
    }
}
