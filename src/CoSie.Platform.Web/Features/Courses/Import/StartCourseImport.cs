using System.Globalization;
using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Keeps what the instructor gave (a file's bytes, a site's address) as a queued CourseImport and hands it to
// CourseImportJob, so the reading happens off the request and the instructor may leave and come back.
public sealed class StartCourseImport(PlatformDbContext db, TenantContext tenant, IBackgroundJobClient jobs, TimeProvider clock, ILogger<StartCourseImport> logger)
{
    // How many of a course's imports its import page lists.
    public const int RecentCount = 10;

    public Task<CourseImport> FileAsync(Course course, string fileName, byte[] content, Guid? userId, string mediaBase, CancellationToken cancellationToken) =>
        StartAsync(new CourseImport
        {
            CourseId = course.Id,
            CreatedById = userId,
            SourceKind = CourseImportSource.File,
            Source = Shorten(Path.GetFileName(fileName)),
            Upload = content,
            Culture = CultureInfo.CurrentUICulture.Name,
            FormatCulture = CultureInfo.CurrentCulture.Name,
            MediaBase = mediaBase,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);

    public Task<CourseImport> SiteAsync(Course course, Uri site, string postType, Guid? userId, string mediaBase, CancellationToken cancellationToken) =>
        StartAsync(new CourseImport
        {
            CourseId = course.Id,
            CreatedById = userId,
            SourceKind = CourseImportSource.Site,
            Source = site.AbsoluteUri,
            PostType = postType,
            Culture = CultureInfo.CurrentUICulture.Name,
            FormatCulture = CultureInfo.CurrentCulture.Name,
            MediaBase = mediaBase,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);

    public async Task<IReadOnlyList<RecentImport>> RecentAsync(Course course, CancellationToken cancellationToken) =>
        await db.CourseImports.Where(i => i.CourseId == course.Id)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(RecentCount)
            .Select(i => new RecentImport(i.Id, i.SourceKind, i.Source, i.PostType, i.Status, i.CreatedAt))
            .AsNoTracking().ToListAsync(cancellationToken);

    private async Task<CourseImport> StartAsync(CourseImport import, CancellationToken cancellationToken)
    {
        db.CourseImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        var institutionId = tenant.Required.Id;
        // A failure between the commit and here leaves the import queued with no job: after Import:Housekeeping:QueuedMinutes
        // its page says it will probably not start, and TidyCourseImportsJob marks it failed.
        jobs.Enqueue<CourseImportJob>(job => job.RunAsync(institutionId, import.Id, CancellationToken.None));
        logger.LogInformation("Import {ImportId} of {Kind} {Source} into course {CourseId} queued", import.Id, import.SourceKind, import.Source, import.CourseId);
        return import;
    }

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200];
}
