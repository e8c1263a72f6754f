using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// An institution that turns local passwords off accepts only sessions its own providers signed in, for every reader of
// memberships, not only the pages' policies: the discussions read cohort and institution memberships themselves.
public sealed class OwnProvidersOnlyTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;

    public async Task InitializeAsync() => _idp = await TestIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task A_password_session_cannot_read_or_post_a_discussion_there_and_a_session_of_its_provider_can()
    {
        var institution = await factory.InstitutionAsync("own-" + Guid.NewGuid().ToString("N")[..8], "Own");
        var provider = await factory.ProviderAsync(institution, _idp, roleMappings: "* = learner");
        var course = await factory.CourseAsync(institution, "course", "Course");
        var module = await factory.ModuleAsync(institution, course, "one", "One", ["What did you notice?"]);
        var cohort = await factory.CohortAsync(institution, course, "Spring", configure: c => c.PostFirst = false);
        var withPassword = await factory.PersonInCohortAsync(institution, cohort, "Pia Password");
        var reflection = await factory.ReflectionAsync(institution, cohort, module.Prompts[0], withPassword, "Mine.");
        var thread = $"/{institution.Slug}/cohorts/{cohort.Id}/reflections/{reflection.Id}";

        _idp.Person = new TestPerson("sub-own", "own@uni.example.org", "Otto Own");
        var throughProvider = factory.CreateBrowserLikeClient();
        Assert.Equal($"/{institution.Slug}/", await SsoBrowser.SignInAsync(throughProvider, institution.Slug, provider.Id));
        await factory.CohortMemberAsync(institution, cohort, (await factory.FindUserAsync("own@uni.example.org"))!);

        // While passwords are allowed, the password session reads and may write.
        var password = await factory.CreateBrowserLikeClientAsAsync(withPassword);
        var page = await password.GetDocumentAsync(thread);
        var replyForm = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reply-form")!;

        await factory.InInstitutionAsync(institution.Id, async (_, db) =>
            await db.Institutions.Where(i => i.Id == institution.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AllowLocalPasswords, false)));
        factory.Services.GetRequiredService<InstitutionDirectory>().Invalidate();

        using var read = await password.GetAsync(thread);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("/Account/Login", read.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var posted = await password.PostFormAsync(thread, replyForm, new Dictionary<string, string> { ["Input.Body"] = "Still here?" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("/Account/Login", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InInstitutionAsync(institution.Id, (_, db) => db.Replies.CountAsync(r => r.ReflectionId == reflection.Id)));

        using var readByMember = await throughProvider.GetAsync(thread);
        Assert.Equal(HttpStatusCode.OK, readByMember.StatusCode);
    }
}
