using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Lti;

// A login or launch must be meant for this tool: a target link URI off the tool's origin is refused, so a platform
// cannot use this tool's login to send a browser, or a token, somewhere else.
public sealed class TargetLinkTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private LtiPlatformSimulator _lms = null!;
    private Institution _institution = null!;

    public async Task InitializeAsync()
    {
        _lms = await LtiPlatformSimulator.StartAsync();
        _institution = await factory.InstitutionAsync("lms-" + Guid.NewGuid().ToString("N")[..8], "LMS Uni");
        await _lms.RegisterAsync(factory, _institution);
        await factory.CourseAsync(_institution, "ethics", "Ethics");
    }

    public async Task DisposeAsync() => await _lms.DisposeAsync();

    private LaunchPerson Person(string name) => new("sub-" + name, name, $"{name}.{_institution.Slug}@lms.example.org",
        [LtiPlatformSimulator.Learner], "context-1", new() { ["course"] = "ethics" });

    [Theory]
    [InlineData("https://elsewhere.example.org/lti/launch")]
    [InlineData("http://localhost:8081/lti/launch")]
    [InlineData("not an address")]
    public async Task A_login_whose_target_link_is_off_this_tools_origin_is_refused(string target)
    {
        using var refused = await factory.CreateBrowserLikeClient().GetAsync($"/{_institution.Slug}/lti/login?iss={Uri.EscapeDataString(_lms.Issuer)}"
            + $"&login_hint=x&client_id={_lms.ClientId}&target_link_uri={Uri.EscapeDataString(target)}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("points to another address than this tool's", (await refused.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiNonces.CountAsync()));
    }

    [Fact]
    public async Task A_launch_whose_token_targets_another_tool_is_refused_and_creates_nothing()
    {
        using var refused = await _lms.LaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, Person("eve"), factory.Clock.GetUtcNow(),
            claims => claims["https://purl.imsglobal.org/spec/lti/claim/target_link_uri"] = "https://evil.example.org/lti/launch");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("points to another address than this tool's", (await refused.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.Cohorts.CountAsync()));
    }

    [Fact]
    public async Task A_launch_whose_token_has_no_target_link_is_refused()
    {
        using var refused = await _lms.LaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, Person("eve"), factory.Clock.GetUtcNow(),
            claims => claims.Remove("https://purl.imsglobal.org/spec/lti/claim/target_link_uri"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.Cohorts.CountAsync()));
    }
}
