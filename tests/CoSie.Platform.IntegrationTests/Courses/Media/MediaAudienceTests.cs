using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Courses.Media;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Courses.Media;

// A copied file is loaded by whoever may read a page that shows it, and by nobody else.
public sealed class MediaAudienceTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    private static int _files;

    private async Task<string> StoreAsync()
    {
        var bytes = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 9, 9, (byte)Interlocked.Increment(ref _files) };
        var name = await factory.InInstitutionAsync(factory.A.Id, (services, _) =>
            services.GetRequiredService<MediaStore>().SaveAsync(bytes, MediaType.ByExtension("png")!, null, CancellationToken.None));
        return $"/course-a/media/{name}";
    }

    private async Task ShowAsync(string address, CourseVisibility visibility, ModuleStatus status)
    {
        var slug = $"media-{Guid.NewGuid():N}"[..20];
        var course = await Seed.CourseAsync(factory, factory.A, slug, slug, visibility);
        await factory.ModuleAsync(factory.A, course, "m", "M", [], m =>
        {
            m.Status = status;
            m.BodyHtml = $"<p><img src=\"{address}\" alt=\"A chart\"></p>";
        });
    }

    private async Task<HttpResponseMessage> LoadAsync(string address, PlatformUser? user)
    {
        using var client = user is null ? factory.CreateClient() : await factory.CreateClientAsAsync(user);
        return await client.GetAsync(address);
    }

    [Fact]
    public async Task A_file_of_a_published_module_of_a_public_course_is_for_everyone_and_may_be_cached_by_anyone()
    {
        var address = await StoreAsync();
        await ShowAsync(address, CourseVisibility.Public, ModuleStatus.Published);

        using var anonymous = await LoadAsync(address, null);

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.True(anonymous.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task A_file_of_a_members_only_course_is_for_the_institutions_members_and_kept_by_their_browsers_only()
    {
        var address = await StoreAsync();
        await ShowAsync(address, CourseVisibility.MembersOnly, ModuleStatus.Published);

        using var anonymous = await LoadAsync(address, null);
        using var learner = await LoadAsync(address, factory.Learner);
        using var elsewhere = await LoadAsync(address, factory.Stranger);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, learner.StatusCode);
        Assert.True(learner.Headers.CacheControl!.Private);
        Assert.False(learner.Headers.CacheControl.Public);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_file_only_drafts_show_is_for_instructors()
    {
        var address = await StoreAsync();
        await ShowAsync(address, CourseVisibility.Public, ModuleStatus.Draft);

        using var learner = await LoadAsync(address, factory.Learner);
        using var instructor = await LoadAsync(address, factory.Instructor);

        Assert.Equal(HttpStatusCode.NotFound, learner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, instructor.StatusCode);
    }

    [Fact]
    public async Task The_institutions_logo_is_for_everyone()
    {
        var address = await StoreAsync();
        await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            var institution = await db.Institutions.SingleAsync(i => i.Id == factory.A.Id);
            institution.LogoFile = address[(address.LastIndexOf('/') + 1)..];
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<InstitutionDirectory>().Invalidate();

        using var anonymous = await LoadAsync(address, null);

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
