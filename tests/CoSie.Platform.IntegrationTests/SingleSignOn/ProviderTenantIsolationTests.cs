using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// Two institutions, each with its own provider. Accounts are global, but a provider belongs to one institution: it
// can neither be used at the other, nor give anyone a role there, nor reach an institution that requires its own.
public sealed class ProviderTenantIsolationTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idpA = null!;
    private TestIdentityProvider _idpB = null!;
    private Institution _a = null!;
    private Institution _b = null!;

    public async Task InitializeAsync()
    {
        _idpA = await TestIdentityProvider.StartAsync();
        _idpB = await TestIdentityProvider.StartAsync();
        _a = await factory.InstitutionAsync("a-" + Guid.NewGuid().ToString("N")[..8], "A");
        _b = await factory.InstitutionAsync("b-" + Guid.NewGuid().ToString("N")[..8], "B");
    }

    public async Task DisposeAsync()
    {
        await _idpA.DisposeAsync();
        await _idpB.DisposeAsync();
    }

    [Fact]
    public async Task A_provider_of_A_is_not_offered_started_or_answered_at_B()
    {
        var providerA = await factory.ProviderAsync(_a, _idpA);
        await factory.ProviderAsync(_b, _idpB);
        var browser = factory.CreateBrowserLikeClient();

        var loginB = await browser.GetDocumentAsync($"/{_b.Slug}/Account/Login");
        Assert.Null(loginB.QuerySelector($"form[action*='{providerA.Id}']"));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)loginB.QuerySelector("form[action*='/sso/']")!;
        form.Action = $"/{_b.Slug}/sso/{providerA.Id}/start";
        using var started = await browser.PostFormAsync($"/{_b.Slug}/Account/Login", form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, started.StatusCode);

        // A's genuine answer, delivered to B's address for A's provider.
        _idpA.Person = new TestPerson("sub-cross", "cross@a.example.org", "Cross");
        using var atA = await SsoBrowser.StartAsync(browser, _a.Slug, providerA.Id);
        var callback = await SsoBrowser.AtProviderAsync(await SsoBrowser.ContinueToAsync(atA));
        using var atB = await browser.GetAsync(callback.PathAndQuery.Replace($"/{_a.Slug}/", $"/{_b.Slug}/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, atB.StatusCode);
    }

    [Fact]
    public async Task Signing_in_through_A_gives_a_role_in_A_only_and_B_requiring_its_own_provider_keeps_its_members_out()
    {
        var providerA = await factory.ProviderAsync(_a, _idpA, roleMappings: "* = learner");
        await factory.ProviderAsync(_b, _idpB, roleMappings: "* = learner");
        // The same person is a member of B already, with a password account.
        var person = await factory.UserAsync("both@uni.example.org", "Both");
        await factory.MemberAsync(_b, person, InstitutionRole.Learner);
        await factory.InInstitutionAsync(_b.Id, async (_, db) =>
            await db.Institutions.Where(i => i.Id == _b.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AllowLocalPasswords, false)));
        factory.Services.GetRequiredService<InstitutionDirectory>().Invalidate();

        _idpA.Person = new TestPerson("sub-both-a", "both@uni.example.org", "Both");
        var browser = factory.CreateBrowserLikeClient();
        Assert.Equal($"/{_a.Slug}/sso/link", await SsoBrowser.SignInAsync(browser, _a.Slug, providerA.Id));
        using var linked = await browser.SubmitAsync($"/{_a.Slug}/sso/link", new Dictionary<string, string> { ["Password"] = Seed.Password });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        var inA = await factory.InInstitutionAsync(_a.Id, (_, db) => db.InstitutionMemberships.AnyAsync(m => m.UserId == person.Id));
        Assert.True(inA);
        using var courseListA = await browser.GetAsync($"/{_a.Slug}/cohorts");
        Assert.True(courseListA.StatusCode == HttpStatusCode.OK, $"{courseListA.StatusCode} {courseListA.Headers.Location}");
        // B signs its people in through its own provider only: a session from A's provider reaches nothing there.
        using var courseListB = await browser.GetAsync($"/{_b.Slug}/cohorts");
        Assert.NotEqual(HttpStatusCode.OK, courseListB.StatusCode);
        // Nor does a password: B's sign-in page has no password form, and refuses one posted anyway.
        var password = factory.CreateBrowserLikeClient();
        var page = await password.GetDocumentAsync($"/{_b.Slug}/Account/Login");
        Assert.Null(page.QuerySelector("#password-form"));
        var anyForm = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[method=post]")!;
        anyForm.Action = $"/{_b.Slug}/Account/Login";
        using var refused = await password.PostFormAsync($"/{_b.Slug}/Account/Login", anyForm,
            new Dictionary<string, string> { ["Input.Email"] = "both@uni.example.org", ["Input.Password"] = Seed.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("sign-in service only", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
