using System.Security.Cryptography;
using System.Text;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Courses.Media;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Courses.Media;

public sealed class UnusedMediaTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private async Task<string> StoreAsync(Institution institution, string label, DateTimeOffset createdAt)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label + Guid.NewGuid())));
        await factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            db.MediaFiles.Add(new MediaFile { Fingerprint = fingerprint, ContentType = "image/png", Content = [1, 2, 3], Length = 3, CreatedAt = createdAt });
            return await db.SaveChangesAsync();
        });
        return fingerprint;
    }

    private Task<List<string>> StoredAsync(Institution institution) =>
        factory.InInstitutionAsync(institution.Id, (_, db) => db.MediaFiles.Select(m => m.Fingerprint).ToListAsync());

    private async Task RunJobAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForgetUnusedMediaJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Files_nothing_shows_go_after_a_week_and_every_file_in_use_stays_in_its_own_institution()
    {
        var longAgo = factory.Clock.GetUtcNow() - TimeSpan.FromDays(30);
        var shown = await StoreAsync(factory.A, "shown", longAgo);
        var inMarkdown = await StoreAsync(factory.A, "markdown", longAgo);
        var draftOnly = await StoreAsync(factory.A, "draft", longAgo);
        var logo = await StoreAsync(factory.A, "logo", longAgo);
        var abandoned = await StoreAsync(factory.A, "abandoned", longAgo);
        var recent = await StoreAsync(factory.A, "recent", factory.Clock.GetUtcNow() - TimeSpan.FromDays(2));
        // B's module names a file of A's: that keeps nothing of A's, and B's own unused file goes.
        var ofB = await StoreAsync(factory.B, "b", longAgo);

        var course = await Seed.CourseAsync(factory, factory.A, "media-kept", "Media kept", CourseVisibility.Public);
        await factory.ModuleAsync(factory.A, course, "shows", "Shows", [], m => m.BodyHtml = $"<p><img src=\"/course-a/media/{shown}.png\" alt=\"A\"></p>");
        await factory.ModuleAsync(factory.A, course, "markdown", "Markdown", [], m => m.BodySource = $"![B](/course-a/media/{inMarkdown}.webp)");
        await factory.ModuleAsync(factory.A, course, "draft", "Draft", [], m =>
        {
            m.Status = ModuleStatus.Draft;
            m.BodyHtml = $"<audio src=\"/course-a/media/{draftOnly}.mp3\"></audio>";
        });
        var courseOfB = await Seed.CourseAsync(factory, factory.B, "media-b", "Media B", CourseVisibility.Public);
        await factory.ModuleAsync(factory.B, courseOfB, "names-a", "Names A", [], m => m.BodyHtml = $"<p><img src=\"/course-a/media/{abandoned}.png\" alt=\"\"></p>");
        await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            var institution = await db.Institutions.SingleAsync(i => i.Id == factory.A.Id);
            institution.LogoFile = $"{logo}.png";
            return await db.SaveChangesAsync();
        });

        await RunJobAsync();

        var left = await StoredAsync(factory.A);
        Assert.Contains(shown, left);
        Assert.Contains(inMarkdown, left);
        Assert.Contains(draftOnly, left);
        Assert.Contains(logo, left);
        Assert.Contains(recent, left);
        Assert.DoesNotContain(abandoned, left);
        Assert.DoesNotContain(ofB, await StoredAsync(factory.B));
    }

    [Fact]
    public async Task The_cleanup_is_scheduled_daily()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ForgetUnusedMediaJob.RecurringJobId);

        Assert.Equal(ForgetUnusedMediaJob.Cron, job.Cron);
    }
}
