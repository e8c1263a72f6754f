using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using ImageMagick;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Profiles;

// A member's name, picture and a few lines about them, and their posts in a cohort, to the others of that cohort only,
// and only the posts the discussions' own rules let the reader see.
public sealed class ProfileTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string ProfileUrl(Cohort cohort, Guid userId) => factory.Url($"/cohorts/{cohort.Id}/people/{userId}");

    private static byte[] Photo(int width, int height)
    {
        using var image = new MagickImage(MagickColors.SeaGreen, (uint)width, (uint)height);
        image.Format = MagickFormat.Jpeg;
        image.SetAttribute("comment", "taken at home");
        return image.ToByteArray();
    }

    [Fact]
    public async Task A_picture_is_re_encoded_cut_square_and_shown_beside_the_members_posts_and_on_their_profile()
    {
        var cohort = await factory.OpenCohortAsync("Pictures");
        var pia = await factory.LearnerAsync(cohort, "Pia Picture");
        var piaClient = await factory.CreateClientAsAsync(pia);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pekka Peer"));

        using var uploaded = await piaClient.UploadAsync(factory.Url("/Account/Manage"), "Picture", "me.jpg", Photo(900, 600));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var version = await factory.QueryAsync(db => db.Users.Where(u => u.Id == pia.Id).Select(u => u.PictureVersion).SingleAsync());
        Assert.NotNull(version);
        var reflectionId = await factory.WriteReflectionAsync(piaClient, cohort, "With a face now.");
        var thread = await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var img = thread.QuerySelector($"#post-{reflectionId} img.avatar-photo")!;
        Assert.Equal($"../people/{pia.Id}/picture?v={version}", img.GetAttribute("src"));
        Assert.Equal("", img.GetAttribute("alt"));
        Assert.Equal($"../people/{pia.Id}", thread.QuerySelector($"#post-{reflectionId} a.post-author")!.GetAttribute("href"));

        var pictureUrl = new Uri(new Uri("http://localhost" + factory.ThreadUrl(cohort, reflectionId)), img.GetAttribute("src")).PathAndQuery;
        using var picture = await peer.GetAsync(pictureUrl);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/jpeg", picture.Content.Headers.ContentType?.MediaType);
        Assert.Contains("private", picture.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var stored = new MagickImage(await picture.Content.ReadAsByteArrayAsync());
        Assert.Equal((256u, 256u), (stored.Width, stored.Height));
        Assert.Null(stored.GetAttribute("comment"));

        var profile = await peer.GetDocumentAsync(ProfileUrl(cohort, pia.Id));
        Assert.Equal("Pia Picture", profile.QuerySelector("h1")!.TextContent);
        Assert.NotNull(profile.QuerySelector($"img.avatar-photo[src$='/people/{pia.Id}/picture?v={version}']"));

        // Removed again: the initials come back and the address serves nothing.
        using var removed = await piaClient.SubmitAsync(factory.Url("/Account/Manage"), new Dictionary<string, string>(), "form[action*=RemovePicture]");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using var gone = await peer.GetAsync(pictureUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.ProfilePictures.CountAsync(p => p.UserId == pia.Id)));
    }

    [Fact]
    public async Task The_prompts_list_shows_the_picture_and_a_thread_address_with_a_trailing_slash_still_links_to_the_right_people()
    {
        var cohort = await factory.OpenCohortAsync("Pictures in lists");
        var ida = await factory.LearnerAsync(cohort, "Ida Image");
        var idaClient = await factory.CreateClientAsAsync(ida);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Nils No-picture"));
        using var uploaded = await idaClient.UploadAsync(factory.Url("/Account/Manage"), "Picture", "me.jpg", Photo(300, 300));
        var version = await factory.QueryAsync(db => db.Users.Where(u => u.Id == ida.Id).Select(u => u.PictureVersion).SingleAsync());
        var reflectionId = await factory.WriteReflectionAsync(idaClient, cohort, "A picture in the list too.");
        await factory.WriteReflectionAsync(peer, cohort, "And initials for me.");

        var list = await peer.GetDocumentAsync(factory.PromptUrl(cohort));
        var card = list.QuerySelector($"[data-reflection-id='{reflectionId}']")!;
        var img = card.QuerySelector("img.avatar-photo")!;
        Assert.Equal(factory.Url($"/cohorts/{cohort.Id}/people/{ida.Id}/picture?v={version}"), img.GetAttribute("src"));
        using (var picture = await peer.GetAsync(img.GetAttribute("src")))
        {
            Assert.Equal("image/jpeg", picture.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(["NN"], list.QuerySelectorAll(".reflection-summary span.avatar").Select(s => s.TextContent).ToList());

        // Relative to /cohorts/{c}/reflections/{r}/ the author link would point under reflections/: that address
        // answers with the thread's own, from where ../people/{id} is the profile.
        var thread = factory.ThreadUrl(cohort, reflectionId);
        using var slashed = await peer.GetAsync(thread + "/?page=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, slashed.StatusCode);
        Assert.Equal(thread + "?page=1", slashed.Headers.Location!.OriginalString);
        var page = await peer.GetDocumentAsync(slashed.Headers.Location.OriginalString);
        var author = new Uri(new Uri("http://localhost" + thread), page.QuerySelector($"#post-{reflectionId} a.post-author")!.GetAttribute("href")).PathAndQuery;
        Assert.Equal(factory.Url($"/cohorts/{cohort.Id}/people/{ida.Id}"), author);
        Assert.Equal("Ida Image", (await peer.GetDocumentAsync(author)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("notes.txt", "just some text")]
    [InlineData("vector.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")]
    public async Task A_file_that_is_not_a_picture_is_refused_with_a_message_and_nothing_changes(string name, string content)
    {
        var cohort = await factory.OpenCohortAsync("Refused " + name);
        var learner = await factory.LearnerAsync(cohort, "Rolf Refused");
        var client = await factory.CreateClientAsAsync(learner);

        using var refused = await client.UploadAsync(factory.Url("/Account/Manage"), "Picture", name, System.Text.Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("PNG, JPEG or WebP", (await refused.ParseAsync()).ErrorFor("Picture"), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == learner.Id).Select(u => u.PictureVersion).SingleAsync()));
    }

    [Fact]
    public async Task A_bio_is_saved_shown_as_text_and_limited_in_length()
    {
        var cohort = await factory.OpenCohortAsync("Bios");
        var bea = await factory.LearnerAsync(cohort, "Bea Bio");
        var client = await factory.CreateClientAsAsync(bea);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Bruno Peer"));

        using var saved = await client.SubmitAsync(factory.Url("/Account/Manage"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Bea Bio",
            ["Input.Bio"] = "Social worker in Tampere.\n<script>alert(1)</script>",
        }, "main form:not([enctype])");
        using var tooLong = await client.SubmitAsync(factory.Url("/Account/Manage"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Bea Bio",
            ["Input.Bio"] = new string('x', 501),
        }, "main form:not([enctype])");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("at most 500 characters", (await tooLong.ParseAsync()).ErrorFor("Input.Bio"), StringComparison.Ordinal);
        var profile = await peer.GetDocumentAsync(ProfileUrl(cohort, bea.Id));
        var bio = profile.QuerySelector(".profile-bio")!;
        Assert.Equal("Social worker in Tampere.\n<script>alert(1)</script>", bio.TextContent);
        Assert.Empty(bio.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task The_profile_lists_only_posts_the_reader_may_read_under_post_first()
    {
        var cohort = await Seed.CohortAsync(factory, factory.A, factory.Course, "Gated profiles", factory.Instructor, c =>
        {
            c.PostFirst = true;
            c.RevealOnPost = true;
        });
        var writer = await factory.LearnerAsync(cohort, "Wilma Writer");
        var writerClient = await factory.CreateClientAsAsync(writer);
        var reader = await factory.LearnerAsync(cohort, "Rauno Reader");
        var readerClient = await factory.CreateClientAsAsync(reader);
        var first = await factory.WriteReflectionAsync(writerClient, cohort, "On the first prompt.", prompt: 0);
        var second = await factory.WriteReflectionAsync(writerClient, cohort, "On the second prompt.", prompt: 1);

        var before = await readerClient.GetDocumentAsync(ProfileUrl(cohort, writer.Id));
        await factory.WriteReflectionAsync(readerClient, cohort, "My own first.", prompt: 0);
        var after = await readerClient.GetDocumentAsync(ProfileUrl(cohort, writer.Id));
        var asInstructor = await (await factory.CreateClientAsAsync(factory.Instructor)).GetDocumentAsync(ProfileUrl(cohort, writer.Id));
        var own = await writerClient.GetDocumentAsync(ProfileUrl(cohort, writer.Id));

        Assert.Empty(before.QuerySelectorAll(".member-posts li"));
        Assert.NotNull(before.QuerySelector(".empty-state"));
        Assert.Equal([$"post-{first}"], after.QuerySelectorAll(".member-posts a").Select(a => a.GetAttribute("href")!.Split('#')[1]));
        Assert.Equal(2, asInstructor.QuerySelectorAll(".member-posts li").Length);
        Assert.Equal(2, own.QuerySelectorAll(".member-posts li").Length);
        Assert.DoesNotContain("On the second prompt", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(second.ToString(), asInstructor.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_cohort_or_the_institution_a_profile_and_its_picture_are_not_found()
    {
        var cohort = await factory.OpenCohortAsync("Closed circle");
        var member = await factory.LearnerAsync(cohort, "Mira Member");
        var memberClient = await factory.CreateClientAsAsync(member);
        using var _ = await memberClient.UploadAsync(factory.Url("/Account/Manage"), "Picture", "me.jpg", Photo(300, 300));
        var otherCohort = await factory.OpenCohortAsync("Elsewhere");
        var outsider = await factory.CreateClientAsAsync(await factory.LearnerAsync(otherCohort, "Otto Outsider"));
        var stranger = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Stella Stranger"));

        using var fromOtherCohort = await outsider.GetAsync(ProfileUrl(cohort, member.Id));
        using var pictureFromOtherCohort = await outsider.GetAsync(ProfileUrl(cohort, member.Id) + "/picture");
        // Asking for them through a cohort they do share with someone else changes nothing: they must be its member.
        using var throughOwnCohort = await outsider.GetAsync(factory.Url($"/cohorts/{otherCohort.Id}/people/{member.Id}/picture"));
        // Another institution's address for the same cohort finds no cohort at all.
        using var throughOtherInstitution = await stranger.GetAsync($"/{factory.B.Slug}/cohorts/{cohort.Id}/people/{member.Id}");
        using var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(ProfileUrl(cohort, member.Id) + "/picture");
        using var allowed = await stranger.GetAsync(ProfileUrl(cohort, member.Id) + "/picture");

        Assert.Equal(HttpStatusCode.Forbidden, fromOtherCohort.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pictureFromOtherCohort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughOwnCohort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughOtherInstitution.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task The_members_page_links_each_name_to_that_members_profile()
    {
        var cohort = await factory.OpenCohortAsync("Linked names");
        var lena = await factory.LearnerAsync(cohort, "Lena Linked");
        var client = await factory.CreateClientAsAsync(lena);

        var members = await client.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/members"));

        Assert.NotNull(members.QuerySelector($"a[href$='/cohorts/{cohort.Id}/people/{lena.Id}']"));
        Assert.NotNull(members.QuerySelector($"a[href$='/cohorts/{cohort.Id}/people/{factory.Instructor.Id}']"));
    }
}
