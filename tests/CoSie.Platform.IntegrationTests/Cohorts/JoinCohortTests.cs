using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Cohorts;

public sealed class JoinCohortTests(CohortFactory factory) : IClassFixture<CohortFactory>
{
    [Fact]
    public async Task Anyone_sees_the_institution_cohort_and_course_and_anonymous_visitors_get_links_back_to_the_invite()
    {
        var cohort = await factory.CohortAsync("Autumn cohort");
        var client = factory.CreateBrowserLikeClient();

        var document = await client.GetDocumentAsync(factory.Url($"/join/{cohort.InviteCode}?invitation=abc"));

        var text = document.QuerySelector("main")!.TextContent;
        Assert.Contains("Alpha University", text, StringComparison.Ordinal);
        Assert.Contains("Autumn cohort", text, StringComparison.Ordinal);
        Assert.Contains("Co-creation of Service Innovation", text, StringComparison.Ordinal);
        var returnUrl = Uri.EscapeDataString($"/{factory.A.Slug}/join/{cohort.InviteCode}?invitation=abc");
        Assert.NotNull(document.QuerySelector($"a[href='/{factory.A.Slug}/Account/Login?returnUrl={returnUrl}']"));
        Assert.NotNull(document.QuerySelector($"a[href='/{factory.A.Slug}/Account/Register?returnUrl={returnUrl}']"));
        Assert.Null(document.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task A_signed_in_person_joins_as_learner_and_becomes_a_member_of_the_institution()
    {
        var cohort = await factory.CohortAsync("Join me");
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var client = await factory.CreateClientAsAsync(person);

        var response = await client.SubmitAsync(factory.Url($"/join/{cohort.InviteCode}"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(factory.Url($"/cohorts/{cohort.Id}"), response.Headers.Location?.OriginalString);
        var member = Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == person.Id);
        Assert.Equal(CohortRole.Learner, member.Role);
        var membership = await factory.MembershipAsync(factory.A, person.Id);
        Assert.Equal(InstitutionRole.Learner, membership?.Role);

        var overview = await client.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}"));
        Assert.Contains("Join me", overview.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(overview.QuerySelector("#invite-link-value"));
    }

    [Fact]
    public async Task Joining_twice_keeps_one_cohort_membership_and_one_institution_membership()
    {
        var cohort = await factory.CohortAsync("Twice");
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var client = await factory.CreateClientAsAsync(person);
        var url = factory.Url($"/join/{cohort.InviteCode}");
        var form = await client.AnyFormAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, await client.PostWithFormAsync(form, url));
        Assert.Equal(HttpStatusCode.Redirect, await client.PostWithFormAsync(form, url));

        Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == person.Id);
        Assert.NotNull(await factory.MembershipAsync(factory.A, person.Id));
        var again = await client.GetDocumentAsync(url);
        Assert.Contains("already a member", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Joining_never_lowers_an_existing_institution_role()
    {
        var cohort = await factory.CohortAsync("Staff joins");
        var admin = await factory.MemberAsync(factory.A, $"{Guid.NewGuid():N}@a.test", InstitutionRole.Admin);
        var client = await factory.CreateClientAsAsync(admin);

        await client.SubmitAsync(factory.Url($"/join/{cohort.InviteCode}"), new Dictionary<string, string>());

        Assert.Equal(InstitutionRole.Admin, (await factory.MembershipAsync(factory.A, admin.Id))?.Role);
    }

    [Fact]
    public async Task A_disabled_link_answers_404_and_joining_with_it_creates_nothing()
    {
        var open = await factory.CohortAsync("Open one");
        var cohort = await factory.CohortAsync("Closed one");
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var manager = await factory.CreateClientAsAsync(factory.Instructor);
        var disable = await manager.SubmitAsync(factory.Url($"/cohorts/{cohort.Id}"), new Dictionary<string, string>(), "form[action*='DisableInvite']");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.False((await factory.FindCohortAsync(cohort.Id))!.InviteEnabled);

        var client = await factory.CreateClientAsAsync(person);
        using var page = await client.GetAsync(factory.Url($"/join/{cohort.InviteCode}"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("ask your instructor for a new one", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var form = await client.AnyFormAsync(factory.Url($"/join/{open.InviteCode}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.PostWithFormAsync(form, factory.Url($"/join/{cohort.InviteCode}")));

        Assert.DoesNotContain(await factory.MembersOfAsync(cohort.Id), m => m.UserId == person.Id);
        Assert.Null(await factory.MembershipAsync(factory.A, person.Id));

        var enable = await manager.SubmitAsync(factory.Url($"/cohorts/{cohort.Id}"), new Dictionary<string, string>(), "form[action*='EnableInvite']");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        using var reopened = await client.GetAsync(factory.Url($"/join/{cohort.InviteCode}"));
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }

    [Fact]
    public async Task After_regenerating_the_old_link_answers_404_and_the_new_one_works()
    {
        var cohort = await factory.CohortAsync("Regenerated");
        var manager = await factory.CreateClientAsAsync(factory.Instructor);
        var confirmation = await manager.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/invite/regenerate"));
        Assert.Contains("stops working", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var response = await manager.SubmitAsync(factory.Url($"/cohorts/{cohort.Id}/invite/regenerate"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newCode = (await factory.FindCohortAsync(cohort.Id))!.InviteCode;
        Assert.NotEqual(cohort.InviteCode, newCode);
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var client = await factory.CreateClientAsAsync(person);
        using var old = await client.GetAsync(factory.Url($"/join/{cohort.InviteCode}"));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        var joined = await client.SubmitAsync(factory.Url($"/join/{newCode}"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains(await factory.MembersOfAsync(cohort.Id), m => m.UserId == person.Id);
    }

    [Fact]
    public async Task An_ended_cohort_cannot_be_joined()
    {
        var open = await factory.CohortAsync("Still running");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var ended = await factory.CohortAsync("Finished", endsOn: today.AddDays(-2));
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var client = await factory.CreateClientAsAsync(person);

        var page = await client.GetDocumentAsync(factory.Url($"/join/{ended.InviteCode}"));
        Assert.Contains("has ended", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var form = await client.AnyFormAsync(factory.Url($"/join/{open.InviteCode}"));
        await client.PostWithFormAsync(form, factory.Url($"/join/{ended.InviteCode}"));

        Assert.DoesNotContain(await factory.MembersOfAsync(ended.Id), m => m.UserId == person.Id);
        Assert.Null(await factory.MembershipAsync(factory.A, person.Id));
    }

    [Fact]
    public async Task Posting_without_signing_in_asks_to_sign_in_and_creates_nothing()
    {
        var cohort = await factory.CohortAsync("Anonymous post");
        var client = factory.CreateBrowserLikeClient();
        var document = await client.GetDocumentAsync(factory.Url($"/join/{cohort.InviteCode}"));
        Assert.NotNull(document);
        var before = (await factory.MembersOfAsync(cohort.Id)).Count;

        using var response = await client.PostAsync(factory.Url($"/join/{cohort.InviteCode}"), new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, (await factory.MembersOfAsync(cohort.Id)).Count);
    }
}
