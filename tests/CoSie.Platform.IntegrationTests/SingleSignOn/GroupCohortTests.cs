using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// A provider's group values give places in the institution's cohorts, at every sign-in, and never take one away.
public sealed class GroupCohortTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;
    private Institution _institution = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _institution = await factory.InstitutionAsync("grp-" + Guid.NewGuid().ToString("N")[..8], "Group Uni");
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task Groups_add_cohort_places_at_each_sign_in_and_keep_the_ones_they_no_longer_name()
    {
        var course = await factory.CourseAsync(_institution, "econ", "Economics");
        var spring = await factory.CohortAsync(_institution, course, "Spring");
        var autumn = await factory.CohortAsync(_institution, course, "Autumn");
        var provider = await factory.ProviderAsync(_institution, _idp,
            roleMappings: $"econ-students = cohort Spring as learner\necon-teachers = cohort {autumn.Id} as instructor");

        _idp.Person = new TestPerson("sub-grp", "grp@uni.example.org", "Gus Group", true, "econ-students", "unrelated");
        Assert.Equal($"/{_institution.Slug}/", await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));
        var user = (await factory.FindUserAsync("grp@uni.example.org"))!;
        Assert.Equal([(spring.Id, CohortRole.Learner)], await PlacesAsync(user));
        Assert.Equal(InstitutionRole.Learner, await RoleAsync(user));

        // The next sign-in no longer names Spring but names Autumn: Autumn is added, Spring stays.
        _idp.Person = new TestPerson("sub-grp", "grp@uni.example.org", "Gus Group", true, "econ-teachers");
        Assert.Equal($"/{_institution.Slug}/", await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), _institution.Slug, provider.Id));
        Assert.Equal([(autumn.Id, CohortRole.Instructor), (spring.Id, CohortRole.Learner)], (await PlacesAsync(user)).OrderBy(p => p.Item2 == CohortRole.Learner));
        Assert.Equal(InstitutionRole.Instructor, await RoleAsync(user));
    }

    [Fact]
    public async Task A_mapping_to_an_unknown_or_foreign_cohort_is_refused_with_a_message_and_nothing_changes()
    {
        var provider = await factory.ProviderAsync(_institution, _idp, roleMappings: "staff = instructor");
        var other = await factory.InstitutionAsync("grp-other-" + Guid.NewGuid().ToString("N")[..8], "Other");
        var foreign = await factory.CohortAsync(other, await factory.CourseAsync(other, "c", "C"), "Theirs");
        var admin = await factory.MemberAsync(_institution, $"admin@{_institution.Slug}.example.org", InstitutionRole.Admin);
        var browser = await factory.CreateBrowserLikeClientAsAsync(admin);
        var edit = $"/{_institution.Slug}/sso/providers/{provider.Id}/edit";

        foreach (var (mapping, message) in new[]
        {
            ("x = cohort Nowhere as learner", "has no cohort"),
            ($"x = cohort {foreign.Id} as learner", "cohort of another institution"),
            ($"x = cohort {Guid.NewGuid()} as learner", "has no cohort"),
            ("x = cohort Spring as observer", "is not a line such as"),
        })
        {
            using var refused = await browser.SubmitAsync(edit, new Dictionary<string, string> { ["Input.RoleMappings"] = mapping }, "#provider-form");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, (await refused.ParseAsync()).ErrorFor("Input.RoleMappings"), StringComparison.Ordinal);
        }
        var stored = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.SignInProviders.AsNoTracking().SingleAsync(p => p.Id == provider.Id));
        Assert.Equal("staff = instructor", stored.RoleMappings);

        await factory.CohortAsync(_institution, await factory.CourseAsync(_institution, "ok", "Ok"), "Known");
        using var saved = await browser.SubmitAsync(edit, new Dictionary<string, string> { ["Input.RoleMappings"] = "staff = instructor\nx = cohort Known as learner" }, "#provider-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private Task<List<(Guid, CohortRole)>> PlacesAsync(Web.Identity.PlatformUser user) =>
        factory.InInstitutionAsync(_institution.Id, async (_, db) =>
            (await db.CohortMembers.AsNoTracking().Where(m => m.UserId == user.Id).OrderBy(m => m.CohortId).ToListAsync())
                .Select(m => (m.CohortId, m.Role)).ToList());

    private Task<InstitutionRole> RoleAsync(Web.Identity.PlatformUser user) =>
        factory.InInstitutionAsync(_institution.Id, (_, db) =>
            db.InstitutionMemberships.AsNoTracking().Where(m => m.UserId == user.Id).Select(m => m.Role).SingleAsync());
}
