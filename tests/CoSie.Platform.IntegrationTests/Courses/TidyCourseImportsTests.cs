using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Courses.Import;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Courses;

// The hourly tidying of imports: old ones go in every institution, and one that never left the queue is marked failed
// with a message its page shows, instead of "waiting" for ever.
public sealed class TidyCourseImportsTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private Task<CourseImport> ImportAsync(Institution institution, Course course, string source, CourseImportStatus status, TimeSpan age, byte[]? upload = null) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var import = new CourseImport
            {
                CourseId = course.Id,
                SourceKind = CourseImportSource.File,
                Source = source,
                Status = status,
                Upload = upload,
                Culture = "en",
                FormatCulture = "en-GB",
                MediaBase = $"/{institution.Slug}/media/",
                CreatedAt = factory.Clock.GetUtcNow() - age,
            };
            db.CourseImports.Add(import);
            await db.SaveChangesAsync();
            return import;
        });

    private async Task TidyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TidyCourseImportsJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Imports_older_than_the_kept_days_are_deleted_in_every_institution_and_newer_ones_stay()
    {
        var course = await factory.CourseAsync("tidy-old", CourseVisibility.Public);
        var courseOfB = await Seed.CourseAsync(factory, factory.B, "tidy-old-b", "Tidy of B", CourseVisibility.Public);
        await ImportAsync(factory.A, course, "old.json", CourseImportStatus.Ready, TimeSpan.FromDays(31));
        var recent = await ImportAsync(factory.A, course, "recent.json", CourseImportStatus.Failed, TimeSpan.FromDays(29));
        await ImportAsync(factory.B, courseOfB, "old-b.json", CourseImportStatus.Ready, TimeSpan.FromDays(40));
        var recentOfB = await ImportAsync(factory.B, courseOfB, "recent-b.json", CourseImportStatus.Ready, TimeSpan.FromDays(1));

        await TidyAsync();

        Assert.Equal([recent.Id], await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.Where(i => i.CourseId == course.Id).Select(i => i.Id).ToListAsync()));
        Assert.Equal([recentOfB.Id], await factory.InInstitutionAsync(factory.B.Id, (_, db) => db.CourseImports.Where(i => i.CourseId == courseOfB.Id).Select(i => i.Id).ToListAsync()));
    }

    [Fact]
    public async Task An_import_that_never_left_the_queue_is_explained_on_its_page_and_then_marked_failed()
    {
        var course = await factory.CourseAsync("tidy-stuck", CourseVisibility.Public);
        var stuck = await ImportAsync(factory.A, course, "stuck.json", CourseImportStatus.Queued, TimeSpan.FromMinutes(20), upload: [1, 2, 3]);
        var waiting = await ImportAsync(factory.A, course, "waiting.json", CourseImportStatus.Queued, TimeSpan.FromMinutes(2), upload: [4, 5, 6]);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        var before = await client.GetDocumentAsync($"/course-a/courses/{course.Slug}/import/{stuck.Id}");
        var fresh = await client.GetDocumentAsync($"/course-a/courses/{course.Slug}/import/{waiting.Id}");
        await TidyAsync();
        var after = await client.GetDocumentAsync($"/course-a/courses/{course.Slug}/import/{stuck.Id}");

        Assert.Contains("has waited more than 15 minutes to start", before.QuerySelector(".import-stalled")!.TextContent, StringComparison.Ordinal);
        Assert.Null(fresh.QuerySelector(".import-stalled"));
        Assert.Contains("The import did not start within 15 minutes. Start it again", after.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var rows = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.AsNoTracking().Where(i => i.CourseId == course.Id).ToDictionaryAsync(i => i.Id));
        Assert.Equal(CourseImportStatus.Failed, rows[stuck.Id].Status);
        Assert.Null(rows[stuck.Id].Upload);
        Assert.Equal(CourseImportStatus.Queued, rows[waiting.Id].Status);
        Assert.NotNull(rows[waiting.Id].Upload);
    }

    [Fact]
    public void The_tidying_is_a_recurring_job()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == TidyCourseImportsJob.RecurringJobId && j.Cron == TidyCourseImportsJob.Cron);
    }
}
