using System.Net;
using System.Text.Json;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Lti;

// An institution admin registers the LMS in which its courses run, and gives the LMS the tool's configuration.
public sealed class PlatformRegistrationTests(PlatformFactory factory) : IClassFixture<PlatformFactory>, IAsyncLifetime
{
    private Institution _institution = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _institution = await factory.InstitutionAsync("lti-" + Guid.NewGuid().ToString("N")[..8], "LTI Uni");
        var admin = await factory.MemberAsync(_institution, $"admin@{_institution.Slug}.example.org", InstitutionRole.Admin);
        _admin = factory.CreateBrowserLikeClient();
        await _admin.AuthenticateAs(factory, admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Moodle(string clientId = "client-1") => new()
    {
        ["Input.DisplayName"] = "Faculty Moodle",
        ["Input.Issuer"] = "https://moodle.example.org",
        ["Input.ClientId"] = clientId,
        ["Input.DeploymentIds"] = "1\n 2 \n1",
        ["Input.AuthenticationUrl"] = "https://moodle.example.org/mod/lti/auth.php",
        ["Input.TokenUrl"] = "https://moodle.example.org/mod/lti/token.php",
        ["Input.KeySetUrl"] = "https://moodle.example.org/mod/lti/certs.php",
        ["Input.IsEnabled"] = "true",
    };

    [Fact]
    public async Task An_admin_registers_a_platform_and_changes_it()
    {
        var slug = _institution.Slug;
        using var created = await _admin.SubmitAsync($"/{slug}/lti/platforms/new", Moodle(), "#platform-form");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var platform = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.AsNoTracking().SingleAsync());
        Assert.Equal("https://moodle.example.org", platform.Issuer);
        Assert.Equal(["1", "2"], platform.DeploymentIds);
        Assert.True(platform.IsEnabled);
        var list = await _admin.GetDocumentAsync($"/{slug}/lti/platforms");
        Assert.Contains("Faculty Moodle", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var edit = Moodle();
        edit["Input.DeploymentIds"] = "3";
        edit["Input.IsEnabled"] = "false";
        using var saved = await _admin.SubmitAsync($"/{slug}/lti/platforms/{platform.Id}/edit", edit, "#platform-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.AsNoTracking().SingleAsync());
        Assert.Equal(["3"], changed.DeploymentIds);
        Assert.False(changed.IsEnabled);
    }

    [Fact]
    public async Task Saving_a_registration_changes_who_may_frame_the_tool_at_once()
    {
        var slug = _institution.Slug;
        var visitor = factory.CreateBrowserLikeClient();
        using var before = await visitor.GetAsync($"/{slug}/lti/login");
        Assert.Contains("frame-ancestors 'none'", before.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var created = await _admin.SubmitAsync($"/{slug}/lti/platforms/new", Moodle(), "#platform-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var registered = await visitor.GetAsync($"/{slug}/lti/login");
        Assert.Contains("frame-ancestors https://moodle.example.org", registered.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var platform = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.AsNoTracking().SingleAsync());
        var disabled = Moodle();
        disabled["Input.IsEnabled"] = "false";
        using var saved = await _admin.SubmitAsync($"/{slug}/lti/platforms/{platform.Id}/edit", disabled, "#platform-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var after = await visitor.GetAsync($"/{slug}/lti/login");
        Assert.Contains("frame-ancestors 'none'", after.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_framing_origin_lets_that_origin_frame_the_tool_too()
    {
        var slug = _institution.Slug;
        var input = Moodle();
        input["Input.FramingOrigin"] = " https://School.Instructure.com/ ";

        using var created = await _admin.SubmitAsync($"/{slug}/lti/platforms/new", input, "#platform-form");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var platform = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.AsNoTracking().SingleAsync());
        Assert.Equal("https://school.instructure.com", platform.FramingOrigin);
        using var login = await factory.CreateBrowserLikeClient().GetAsync($"/{slug}/lti/login");
        Assert.Contains("frame-ancestors https://moodle.example.org https://school.instructure.com",
            login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var edit = await _admin.GetDocumentAsync($"/{slug}/lti/platforms/{platform.Id}/edit");
        Assert.Equal("https://school.instructure.com", edit.QuerySelector("input[name='Input.FramingOrigin']")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("http://school.instructure.com")]
    [InlineData("https://school.instructure.com/courses/1")]
    [InlineData("https://*.instructure.com")]
    [InlineData("https://school.instructure.com?x=1")]
    [InlineData("school.instructure.com")]
    public async Task A_framing_origin_that_is_not_an_https_origin_is_refused_and_nothing_is_saved(string origin)
    {
        var input = Moodle();
        input["Input.FramingOrigin"] = origin;

        using var refused = await _admin.SubmitAsync($"/{_institution.Slug}/lti/platforms/new", input, "#platform-form");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await refused.ParseAsync()).ErrorFor("Input.FramingOrigin")));
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.CountAsync()));
    }

    [Fact]
    public async Task A_form_with_bad_addresses_says_what_is_wrong_for_each_field_and_saves_nothing()
    {
        var input = Moodle();
        input["Input.Issuer"] = "http://moodle.example.org?x=1";
        input["Input.DeploymentIds"] = " \n ";
        input["Input.AuthenticationUrl"] = "moodle.example.org/auth";
        input["Input.TokenUrl"] = "ftp://moodle.example.org/token";
        input["Input.KeySetUrl"] = "https://moodle.example.org/certs#keys";
        using var refused = await _admin.SubmitAsync($"/{_institution.Slug}/lti/platforms/new", input, "#platform-form");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ParseAsync();
        foreach (var field in new[] { "Input.Issuer", "Input.DeploymentIds", "Input.AuthenticationUrl", "Input.TokenUrl", "Input.KeySetUrl" })
        {
            Assert.False(string.IsNullOrWhiteSpace(page.ErrorFor(field)), field);
        }
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.CountAsync()));
    }

    [Fact]
    public async Task The_same_issuer_and_client_id_are_registered_once_per_institution_but_another_institution_may_have_them()
    {
        using var first = await _admin.SubmitAsync($"/{_institution.Slug}/lti/platforms/new", Moodle("shared"), "#platform-form");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var again = await _admin.SubmitAsync($"/{_institution.Slug}/lti/platforms/new", Moodle("shared"), "#platform-form");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await again.ParseAsync()).ErrorFor("Input.ClientId")));
        Assert.Equal(1, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.CountAsync(p => p.ClientId == "shared")));

        var other = await factory.InstitutionAsync("lti-" + Guid.NewGuid().ToString("N")[..8], "Other Uni");
        var otherAdmin = factory.CreateBrowserLikeClient();
        await otherAdmin.AuthenticateAs(factory, await factory.MemberAsync(other, $"admin@{other.Slug}.example.org", InstitutionRole.Admin));
        using var elsewhere = await otherAdmin.SubmitAsync($"/{other.Slug}/lti/platforms/new", Moodle("shared"), "#platform-form");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task An_admin_of_another_institution_neither_sees_nor_changes_the_registration()
    {
        using var created = await _admin.SubmitAsync($"/{_institution.Slug}/lti/platforms/new", Moodle("isolated"), "#platform-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var platform = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.AsNoTracking().SingleAsync(p => p.ClientId == "isolated"));
        var other = await factory.InstitutionAsync("lti-" + Guid.NewGuid().ToString("N")[..8], "Other Uni");
        var otherAdmin = factory.CreateBrowserLikeClient();
        await otherAdmin.AuthenticateAs(factory, await factory.MemberAsync(other, $"admin@{other.Slug}.example.org", InstitutionRole.Admin));

        var list = await otherAdmin.GetDocumentAsync($"/{other.Slug}/lti/platforms");
        Assert.DoesNotContain("isolated", list.Body!.TextContent, StringComparison.Ordinal);
        using var read = await otherAdmin.GetAsync($"/{other.Slug}/lti/platforms/{platform.Id}/edit");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        using var atA = await otherAdmin.GetAsync($"/{_institution.Slug}/lti/platforms/{platform.Id}/edit");
        Assert.Equal(HttpStatusCode.NotFound, atA.StatusCode);
        var form = await otherAdmin.GetDocumentAsync($"/{other.Slug}/lti/platforms/new");
        var tampered = Moodle("isolated");
        tampered["Input.DisplayName"] = "Taken over";
        var token = form.QuerySelector("#platform-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var posted = await otherAdmin.PostAsync($"/{other.Slug}/lti/platforms/{platform.Id}/edit",
            new FormUrlEncodedContent(tampered.Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal("Faculty Moodle", await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.Where(p => p.Id == platform.Id).Select(p => p.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task The_tool_configuration_gives_the_institutions_own_addresses_and_a_canvas_key_that_is_json()
    {
        var slug = _institution.Slug;
        var page = await _admin.GetDocumentAsync($"/{slug}/lti/tool");

        Assert.EndsWith($"/{slug}/lti/login", page.QuerySelector("#login-url")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/{slug}/lti/launch", page.QuerySelector("#launch-url")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/{slug}/lti/jwks", page.QuerySelector("#jwks-url")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelector("#jwks-url")!.TextContent, page.QuerySelector("#moodle-fields")!.TextContent, StringComparison.Ordinal);
        using var canvas = JsonDocument.Parse(page.QuerySelector("#canvas-json")!.TextContent);
        Assert.Equal(page.QuerySelector("#login-url")!.TextContent, canvas.RootElement.GetProperty("oidc_initiation_url").GetString());
        Assert.Equal(page.QuerySelector("#launch-url")!.TextContent, canvas.RootElement.GetProperty("target_link_uri").GetString());
        Assert.Equal(page.QuerySelector("#jwks-url")!.TextContent, canvas.RootElement.GetProperty("public_jwk_url").GetString());
        // The key set handed to the LMS is never empty.
        Assert.Single(page.QuerySelectorAll("#tool-keys tbody tr"));
    }
}
