using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Courses.Import;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Courses;

// An upload is kept and read by a Hangfire job; its page shows progress, then the preview, or why it failed.
public sealed class BackgroundImportTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private const string Seed = "spreading-co-creation.wp-rest.json";

    private Task<int> ModuleCountAsync(Course course) =>
        factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Modules.CountAsync(m => m.CourseId == course.Id));

    [Fact]
    public async Task An_upload_is_queued_as_a_job_and_its_page_shows_progress_that_refreshes_by_itself()
    {
        var course = await factory.CourseAsync("queued-import", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await client.UploadAsync($"/course-a/courses/{course.Slug}/import", "upload", Seed, Uploads.Asset(Seed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var status = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/course-a/courses/{course.Slug}/import/", status, StringComparison.Ordinal);
        var importId = Guid.Parse(status[(status.LastIndexOf('/') + 1)..]);
        var page = await client.GetDocumentAsync(status);
        Assert.NotNull(page.QuerySelector("progress"));
        Assert.Contains("waiting to be read", page.QuerySelector(".import-progress")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[http-equiv='refresh']"));
        Assert.Null(page.QuerySelector("form.import-preview"));

        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queued = monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Value.Job).Where(j => j?.Type == typeof(CourseImportJob)).ToList();
        Assert.Contains(queued, j => (Guid)j!.Args[1] == importId && (Guid)j.Args[0] == factory.A.Id);
        Assert.Equal(0, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task Once_read_the_import_shows_its_preview_and_the_course_lists_it_to_come_back_to()
    {
        var course = await factory.CourseAsync("ready-import", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", Seed, Uploads.Asset(Seed));

        var page = await response.ParseAsync();
        Assert.Null(page.QuerySelector("meta[http-equiv='refresh']"));
        Assert.Equal(2, page.QuerySelectorAll("textarea[name^='Pages[0].Prompts']").Length);
        var import = page.QuerySelector("form.import-preview");
        Assert.NotNull(import);
        var stored = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.SingleAsync(i => i.CourseId == course.Id));
        Assert.Equal(CourseImportStatus.Ready, stored.Status);
        Assert.Null(stored.Upload);
        Assert.Equal(stored.ProgressTotal, stored.ProgressDone);

        var list = await client.GetDocumentAsync($"/course-a/courses/{course.Slug}/import");
        var item = Assert.Single(list.QuerySelectorAll(".import-recent li"));
        Assert.Contains("ready to review", item.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/course-a/courses/{course.Slug}/import/{stored.Id}", item.QuerySelector("a")!.GetAttribute("href"));

        using var confirmed = await client.PostFormAsync($"/course-a/courses/{course.Slug}/import/{stored.Id}", (IHtmlFormElement)import, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(1, await ModuleCountAsync(course));
    }

    [Fact]
    public async Task A_failed_import_says_why_and_leaves_no_modules()
    {
        var course = await factory.CourseAsync("failed-import", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", "broken.json", Encoding.UTF8.GetBytes("{\"content\": oops}"));

        var page = await response.ParseAsync();
        Assert.Contains("broken.json was not imported", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing was added to the course.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.import-preview"));
        Assert.Equal(0, await ModuleCountAsync(course));
        var list = await client.GetDocumentAsync($"/course-a/courses/{course.Slug}/import");
        Assert.Contains("failed", Assert.Single(list.QuerySelectorAll(".import-recent li")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_run_twice_reads_the_import_once()
    {
        var course = await factory.CourseAsync("twice-import", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", Seed, Uploads.Asset(Seed));
        var stored = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.AsNoTracking().SingleAsync(i => i.CourseId == course.Id));

        await ImportJobs.RunAsync(factory, factory.A.Slug, stored.Id);

        var again = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.AsNoTracking().SingleAsync(i => i.Id == stored.Id));
        Assert.Equal(CourseImportStatus.Ready, again.Status);
        Assert.Equal(stored.FinishedAt, again.FinishedAt);
    }

    [Fact]
    public async Task Another_institution_and_another_course_find_no_import()
    {
        var course = await factory.CourseAsync("private-import", CourseVisibility.Public);
        var other = await factory.CourseAsync("other-import", CourseVisibility.Public);
        var courseOfB = await Infrastructure.Seed.CourseAsync(factory, factory.B, "course-of-b", "Course of B", CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);
        using var response = await client.ImportAsync(factory, $"/course-a/courses/{course.Slug}/import", "upload", Seed, Uploads.Asset(Seed));
        var id = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.Where(i => i.CourseId == course.Id).Select(i => i.Id).SingleAsync());

        using var stranger = await factory.CreateClientAsAsync(factory.OtherInstructor);
        using var acrossInstitutions = await stranger.GetAsync($"/course-b/courses/{courseOfB.Slug}/import/{id}");
        using var intoA = await stranger.GetAsync($"/course-a/courses/{course.Slug}/import/{id}");
        using var acrossCourses = await client.GetAsync($"/course-a/courses/{other.Slug}/import/{id}");

        Assert.Equal(HttpStatusCode.NotFound, acrossInstitutions.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intoA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, acrossCourses.StatusCode);
        var learner = await factory.CreateClientAsAsync(factory.Learner);
        using var asLearner = await learner.GetAsync($"/course-a/courses/{course.Slug}/import/{id}");
        Assert.NotEqual(HttpStatusCode.OK, asLearner.StatusCode);
        learner.Dispose();
    }
}
