using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoSie.Platform.IntegrationTests.Lti;

// A launch from the simulated LMS, through the tool's login initiation and launch addresses and the app's whole
// pipeline: a valid one signs the person in and lands them in the cohort of the LMS course; every invalid one is
// refused with a page that says what was wrong, a log line, and nothing created.
public sealed class LaunchTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private LtiPlatformSimulator _lms = null!;
    private Institution _institution = null!;
    private LtiPlatform _platform = null!;
    private Course _course = null!;
    private CourseModule _module = null!;

    public async Task InitializeAsync()
    {
        _lms = await LtiPlatformSimulator.StartAsync();
        _institution = await factory.InstitutionAsync("lms-" + Guid.NewGuid().ToString("N")[..8], "LMS Uni");
        _platform = await _lms.RegisterAsync(factory, _institution);
        _course = await factory.CourseAsync(_institution, "ethics", "Ethics");
        _module = await factory.ModuleAsync(_institution, _course, "week-1", "Week 1", ["What is a good life?"]);
    }

    public async Task DisposeAsync() => await _lms.DisposeAsync();

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    // Accounts are global: each test's people have addresses of their own.
    private string Email(string name) => $"{name}.{_institution.Slug}@lms.example.org";

    private LaunchPerson Person(string name, string role, Dictionary<string, object>? custom = null) => new(
        "sub-" + name, name, Email(name), [role], "context-1", custom ?? new() { ["course"] = "ethics", ["module"] = "week-1" });

    [Fact]
    public async Task A_learner_lands_signed_in_in_the_module_in_a_cohort_made_for_the_lms_course()
    {
        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.LaunchAsync(browser, _institution.Slug, Person("ada", LtiPlatformSimulator.Learner), Now);

        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        Assert.Equal($"/{_institution.Slug}/courses/ethics/week-1", launched.Headers.Location!.OriginalString);
        using var module = await browser.GetAsync(launched.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);

        var (context, cohort, member, user) = await factory.InInstitutionAsync(_institution.Id, async (services, db) =>
        {
            var context = await db.LtiContexts.AsNoTracking().SingleAsync();
            var cohort = await db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == context.CohortId);
            var member = await db.CohortMembers.AsNoTracking().SingleAsync(m => m.CohortId == cohort.Id);
            var user = await services.GetRequiredService<UserManager<PlatformUser>>().FindByLoginAsync("lti:" + _platform.Id.ToString("N"), "sub-ada");
            return (context, cohort, member, user);
        });
        Assert.Equal("context-1", context.ContextId);
        Assert.Equal("Ethics 101, autumn", cohort.Name);
        Assert.Equal(_course.Id, cohort.CourseId);
        Assert.NotNull(user);
        Assert.Equal(Email("ada"), user.Email);
        Assert.Equal(user.Id, member.UserId);
        Assert.Equal(CohortRole.Learner, member.Role);
    }

    [Fact]
    public async Task An_instructor_of_the_same_lms_course_teaches_the_same_cohort_and_a_prompt_link_lands_at_the_prompt()
    {
        using var first = await _lms.LaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, Person("ada", LtiPlatformSimulator.Learner), Now);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));

        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.LaunchAsync(browser, _institution.Slug,
            Person("grace", LtiPlatformSimulator.Instructor, new() { ["prompt"] = prompt.Id.ToString() }), Now);

        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var cohortId = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiContexts.AsNoTracking().Select(c => c.CohortId).SingleAsync());
        Assert.Equal($"/{_institution.Slug}/cohorts/{cohortId}/prompts/{prompt.Id}", launched.Headers.Location!.OriginalString);
        using var page = await browser.GetAsync(launched.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var roles = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.CohortMembers.AsNoTracking()
            .Where(m => m.CohortId == cohortId).Select(m => m.Role).ToListAsync());
        Assert.Equal([CohortRole.Learner, CohortRole.Instructor], roles.Order());
        Assert.Equal(1, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.Cohorts.CountAsync()));
    }

    public static TheoryData<string, HttpStatusCode, string> Tamperings => new()
    {
        { "signature", HttpStatusCode.Unauthorized, "signature of the launch does not match" },
        { "issuer", HttpStatusCode.Unauthorized, "another issuer than the registered one" },
        { "audience", HttpStatusCode.Unauthorized, "another client id than the registered one" },
        { "azp", HttpStatusCode.Unauthorized, "another client id than the registered one" },
        { "expired", HttpStatusCode.Unauthorized, "has expired or is not valid yet" },
        { "deployment", HttpStatusCode.Unauthorized, "deployment that is not registered" },
        { "version", HttpStatusCode.BadRequest, "not an LTI 1.3 resource link launch" },
        { "message-type", HttpStatusCode.BadRequest, "not an LTI 1.3 resource link launch" },
        { "no-email", HttpStatusCode.BadRequest, "did not share who is launching" },
        { "no-course", HttpStatusCode.BadRequest, "names no course of this institution" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task An_invalid_launch_is_refused_with_its_reason_logged_and_creates_nothing(string tampering, HttpStatusCode status, string message)
    {
        const string lti = "https://purl.imsglobal.org/spec/lti/claim/";
        var now = Now;
        var person = tampering == "no-course" ? Person("eve", LtiPlatformSimulator.Learner, new() { ["course"] = "no-such-course" }) : Person("eve", LtiPlatformSimulator.Learner);
        using var refused = await _lms.LaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, person, now, claims =>
        {
            switch (tampering)
            {
                case "issuer": claims["iss"] = "https://elsewhere.example.org"; break;
                case "audience": claims["aud"] = "another-client"; break;
                case "azp": claims["aud"] = new[] { _lms.ClientId, "another-client" }; claims["azp"] = "another-client"; break;
                case "expired": claims["iat"] = now.AddMinutes(-30).ToUnixTimeSeconds(); claims["exp"] = now.AddMinutes(-10).ToUnixTimeSeconds(); break;
                case "deployment": claims[lti + "deployment_id"] = "deployment-of-someone-else"; break;
                case "version": claims[lti + "version"] = "1.1"; break;
                case "message-type": claims[lti + "message_type"] = "LtiSubmissionReviewRequest"; break;
                case "no-email": claims.Remove("email"); break;
            }
        }, tampering == "signature" ? LtiPlatformSimulator.NewKey() : null);

        await AssertRefusedAsync(refused, status, message, "eve");
    }

    [Fact]
    public async Task A_launch_does_not_take_over_an_account_that_has_the_same_address_but_is_not_linked()
    {
        await factory.UserAsync(Email("owner"), "Owner");

        using var refused = await _lms.LaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, Person("owner", LtiPlatformSimulator.Learner), Now);

        await AssertRefusedAsync(refused, HttpStatusCode.Unauthorized, "exists already and is not linked to this LMS", "nobody");
        var logins = await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            return await users.GetLoginsAsync((await users.FindByEmailAsync(Email("owner")))!);
        });
        Assert.Empty(logins);
    }

    [Fact]
    public async Task A_nonce_is_used_once_and_a_launch_posted_again_is_refused()
    {
        var browser = factory.CreateBrowserLikeClient();
        var login = await _lms.LoginAsync(browser, _institution.Slug);
        var token = _lms.IdToken(login["nonce"], Person("ada", LtiPlatformSimulator.Learner), Now);
        using var first = await LtiPlatformSimulator.PostLaunchAsync(browser, _institution.Slug, token, login["state"]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var again = await LtiPlatformSimulator.PostLaunchAsync(browser, _institution.Slug, token, login["state"]);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);

        // The same token under the state of a new login: its nonce is not that login's, and it is used up anyway.
        var second = await _lms.LoginAsync(browser, _institution.Slug);
        using var replayed = await LtiPlatformSimulator.PostLaunchAsync(browser, _institution.Slug, token, second["state"]);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("was used already", (await replayed.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.CohortMembers.CountAsync()));
    }

    [Fact]
    public async Task A_launch_without_its_browser_changes_nothing_and_a_made_up_state_is_refused()
    {
        var login = await _lms.LoginAsync(factory.CreateBrowserLikeClient(), _institution.Slug);
        var token = _lms.IdToken(login["nonce"], Person("mallory", LtiPlatformSimulator.Learner), Now);

        // Without the login's cookie (another browser, or one that blocks cookies in the LMS's frame) the launch signs
        // nobody in; it only offers to start the login again in a window of its own, which the LMS answers for whoever
        // is signed in there.
        using var otherBrowser = await LtiPlatformSimulator.PostLaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, token, login["state"]);
        Assert.Equal(HttpStatusCode.OK, otherBrowser.StatusCode);
        Assert.StartsWith($"/{_institution.Slug}/lti/login?", (await otherBrowser.ParseAsync()).QuerySelector("#lti-open")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.False(otherBrowser.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("cosie.session=", StringComparison.Ordinal)));
        await AssertNothingChangedAsync("mallory");

        using var madeUp = await LtiPlatformSimulator.PostLaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, token, "made-up-state");
        await AssertRefusedAsync(madeUp, HttpStatusCode.Unauthorized, "did not start from a login in this browser", "mallory");

        using var missing = await factory.CreateBrowserLikeClient().PostAsync($"/{_institution.Slug}/lti/launch",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = token }));
        await AssertRefusedAsync(missing, HttpStatusCode.BadRequest, "incomplete request", "mallory");
    }

    [Fact]
    public async Task A_platform_registered_by_institution_a_cannot_launch_into_institution_b()
    {
        var other = await factory.InstitutionAsync("lms-" + Guid.NewGuid().ToString("N")[..8], "Other Uni");
        await factory.CourseAsync(other, "ethics", "Ethics at B");
        var browser = factory.CreateBrowserLikeClient();

        using var atB = await browser.GetAsync($"/{other.Slug}/lti/login?iss={Uri.EscapeDataString(_lms.Issuer)}&login_hint=x&target_link_uri=x&client_id={_lms.ClientId}");
        Assert.Equal(HttpStatusCode.BadRequest, atB.StatusCode);
        Assert.Contains("No learning platform of this institution", (await atB.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);

        // A login of A, its launch posted to B.
        var login = await _lms.LoginAsync(browser, _institution.Slug);
        var token = _lms.IdToken(login["nonce"], Person("trudy", LtiPlatformSimulator.Learner), Now);
        using var crossed = await LtiPlatformSimulator.PostLaunchAsync(browser, other.Slug, token, login["state"]);
        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
        Assert.Equal(0, await factory.InInstitutionAsync(other.Id, (_, db) => db.Cohorts.CountAsync()));
        Assert.Equal(0, await factory.InInstitutionAsync(other.Id, (_, db) => db.InstitutionMemberships.CountAsync()));
    }

    [Fact]
    public async Task A_platform_that_rotates_its_key_is_fetched_again_at_its_first_launch_with_the_new_key()
    {
        using var before = await _lms.LaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, Person("ada", LtiPlatformSimulator.Learner), Now);
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        var fetches = _lms.KeySetRequests;

        _lms.RotateKey();
        using var after = await _lms.LaunchAsync(factory.CreateBrowserLikeClient(), _institution.Slug, Person("grace", LtiPlatformSimulator.Learner), Now);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(fetches + 1, _lms.KeySetRequests);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message, string name)
    {
        Assert.Equal(status, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);
        await AssertNothingChangedAsync(name);
        Assert.Contains(factory.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("LTI launch refused", StringComparison.Ordinal)
            && l.Message.Contains(_institution.Id.ToString(), StringComparison.Ordinal));
    }

    private async Task AssertNothingChangedAsync(string name)
    {
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiContexts.CountAsync()));
        Assert.Equal(0, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.Cohorts.CountAsync()));
        Assert.Equal(0, await factory.WithServicesAsync(async services =>
            await services.GetRequiredService<UserManager<PlatformUser>>().Users.CountAsync(u => u.Email == Email(name))));
    }
}
