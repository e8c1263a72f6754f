using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Security;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Account;

// The account's digest choices, with the app connected as the row-level-security role: a person's cohorts in every
// institution, and nobody else's.
public sealed class ManageDigestsTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private async Task<PlatformUser> MemberOfBothAsync()
    {
        var person = await factory.UserAsync($"both-{Guid.NewGuid():N}@digests.test", "Both Places");
        await factory.MemberAsync(factory.A, person, InstitutionRole.Learner);
        await factory.MemberAsync(factory.B, person, InstitutionRole.Learner);
        await factory.CohortMemberAsync(factory.A, factory.CohortA, person);
        await factory.CohortMemberAsync(factory.B, factory.CohortB, person);
        return person;
    }

    private Task<DigestFrequency> FrequencyAsync(Institution institution, Cohort cohort, PlatformUser person) =>
        factory.InInstitutionAsync(institution.Id, (_, db) =>
            db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == person.Id).Select(m => m.DigestFrequency).SingleAsync());

    [Fact]
    public async Task At_the_root_a_member_of_cohorts_in_two_institutions_sees_both_groups_and_changes_each()
    {
        var person = await MemberOfBothAsync();
        using var client = await factory.CreateClientAsAsync(person);

        var page = await client.GetDocumentAsync("/Account/Manage/Digests");

        Assert.DoesNotContain("not in any cohort", page.Body!.TextContent, StringComparison.Ordinal);
        var groups = page.QuerySelectorAll("section[id^=institution-]").Select(s => s.QuerySelector("h3")!.TextContent.Trim()).ToList();
        Assert.Equal(["Alpha University", "Beta Agency"], groups);
        Assert.NotNull(page.QuerySelector($"#institution-{factory.A.Id} #digest-{factory.CohortA.Id}"));
        Assert.NotNull(page.QuerySelector($"#institution-{factory.B.Id} #digest-{factory.CohortB.Id}"));

        using (var changedB = await client.SubmitAsync("/Account/Manage/Digests", new Dictionary<string, string> { ["frequency"] = "Off" }, $"#digest-{factory.CohortB.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changedB.StatusCode);
        }
        using (var changedA = await client.SubmitAsync("/Account/Manage/Digests", new Dictionary<string, string> { ["frequency"] = "EveryTwoWeeks" }, $"#digest-{factory.CohortA.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changedA.StatusCode);
        }

        Assert.Equal(DigestFrequency.EveryTwoWeeks, await FrequencyAsync(factory.A, factory.CohortA, person));
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(factory.B, factory.CohortB, person));
        var after = await client.GetDocumentAsync("/Account/Manage/Digests");
        Assert.Equal("EveryTwoWeeks", after.QuerySelector($"#frequency-{factory.CohortA.Id} option[selected]")?.GetAttribute("value"));
        Assert.Equal("Off", after.QuerySelector($"#frequency-{factory.CohortB.Id} option[selected]")?.GetAttribute("value"));
    }

    // Under an institution's prefix the page is still the account's: every cohort, that institution's group first.
    [Fact]
    public async Task Inside_an_institution_the_page_lists_every_cohort_with_that_institution_first()
    {
        var person = await MemberOfBothAsync();
        using var client = await factory.CreateClientAsAsync(person);

        var page = await client.GetDocumentAsync($"/{factory.B.Slug}/Account/Manage/Digests");

        var groups = page.QuerySelectorAll("section[id^=institution-]").Select(s => s.Id).ToList();
        Assert.Equal([$"institution-{factory.B.Id}", $"institution-{factory.A.Id}"], groups);
        using var changed = await client.SubmitAsync($"/{factory.B.Slug}/Account/Manage/Digests", new Dictionary<string, string> { ["frequency"] = "Off" }, $"#digest-{factory.CohortA.Id}");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(factory.A, factory.CohortA, person));
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(factory.B, factory.CohortB, person));
    }

    [Fact]
    public async Task Another_accounts_cohorts_never_show_and_cannot_be_changed()
    {
        var person = await factory.UserAsync($"one-{Guid.NewGuid():N}@digests.test", "One Place");
        await factory.MemberAsync(factory.A, person, InstitutionRole.Learner);
        await factory.CohortMemberAsync(factory.A, factory.OtherCohortA, person);
        using var client = await factory.CreateClientAsAsync(person);

        foreach (var url in new[] { "/Account/Manage/Digests", $"/{factory.A.Slug}/Account/Manage/Digests", $"/{factory.B.Slug}/Account/Manage/Digests" })
        {
            var page = await client.GetDocumentAsync(url);
            var listed = page.QuerySelectorAll("form[id^=digest-]").Select(f => f.Id).ToList();
            Assert.Equal([$"digest-{factory.OtherCohortA.Id}"], listed);
            Assert.Equal(["Alpha University"], page.QuerySelectorAll("section[id^=institution-] h3").Select(h => h.TextContent.Trim()).ToList());
        }

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetDocumentAsync("/Account/Manage/Digests")).QuerySelector($"#digest-{factory.OtherCohortA.Id}")!;
        foreach (var foreign in new[] { factory.CohortA, factory.CohortB })
        {
            using var refused = await client.PostFormAsync("/Account/Manage/Digests", form, new Dictionary<string, string> { ["cohortId"] = foreign.Id.ToString(), ["frequency"] = "Off" });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            using var reminders = await client.PostFormAsync("/Account/Manage/Digests?handler=Reminders", form, new Dictionary<string, string> { ["cohortId"] = foreign.Id.ToString(), ["reminders"] = "false" });
            Assert.Equal(HttpStatusCode.NotFound, reminders.StatusCode);
        }
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(factory.A, factory.CohortA, factory.People[Actor.LearnerA]));
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(factory.B, factory.CohortB, factory.People[Actor.LearnerB]));
    }
}
