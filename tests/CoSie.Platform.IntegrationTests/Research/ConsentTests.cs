using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Research;

public sealed class ConsentTests(ResearchFactory factory) : IClassFixture<ResearchFactory>
{
    [Fact]
    public async Task The_admin_writes_a_multi_line_consent_text_that_the_join_page_shows_with_an_unticked_box()
    {
        var admin = await factory.CreateClientAsAsync(factory.Admin);
        using var saved = await admin.SubmitAsync(factory.Url("/settings/research"), new Dictionary<string, string> { ["Input.Text"] = ResearchFactory.ConsentText });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var cohort = await factory.CohortAsync("Join with consent");
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var client = await factory.CreateClientAsAsync(person);
        var page = await client.GetDocumentAsync(factory.Url($"/join/{cohort.InviteCode}"));

        Assert.Equal(ResearchFactory.ConsentText, page.QuerySelector("#research-consent-text")!.TextContent);
        var box = page.QuerySelector("#research-consent-box") as IHtmlInputElement;
        Assert.NotNull(box);
        Assert.False(box.IsChecked);
    }

    [Fact]
    public async Task Joining_with_the_box_ticked_records_consent_and_its_time_and_unticked_records_nothing()
    {
        await factory.SetConsentTextAsync(ResearchFactory.ConsentText);
        var cohort = await factory.CohortAsync("Join and agree");
        var agreeing = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var declining = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");

        using var joined = await (await factory.CreateClientAsAsync(agreeing)).SubmitAsync(
            factory.Url($"/join/{cohort.InviteCode}"), new Dictionary<string, string> { ["researchConsent"] = "true" });
        using var joinedWithout = await (await factory.CreateClientAsAsync(declining)).SubmitAsync(
            factory.Url($"/join/{cohort.InviteCode}"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, joinedWithout.StatusCode);
        Assert.True((await factory.MemberOfAsync(cohort, agreeing)).ResearchConsent);
        var change = Assert.Single(await factory.ConsentHistoryAsync(cohort, agreeing));
        Assert.True(change.Given);
        Assert.Equal(factory.Clock.GetUtcNow(), change.At);
        Assert.False((await factory.MemberOfAsync(cohort, declining)).ResearchConsent);
        Assert.Empty(await factory.ConsentHistoryAsync(cohort, declining));
    }

    [Fact]
    public async Task Without_a_consent_text_the_join_page_offers_no_box_and_a_sent_box_records_nothing()
    {
        await factory.SetConsentTextAsync(null);
        var cohort = await factory.CohortAsync("Join without text");
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var client = await factory.CreateClientAsAsync(person);

        var page = await client.GetDocumentAsync(factory.Url($"/join/{cohort.InviteCode}"));
        Assert.Null(page.QuerySelector("#research-consent"));
        using var joined = await client.SubmitAsync(factory.Url($"/join/{cohort.InviteCode}"), new Dictionary<string, string> { ["researchConsent"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.False((await factory.MemberOfAsync(cohort, person)).ResearchConsent);
        Assert.Empty(await factory.ConsentHistoryAsync(cohort, person));
        await factory.SetConsentTextAsync(ResearchFactory.ConsentText);
    }

    [Fact]
    public async Task A_member_gives_and_withdraws_consent_in_the_account_and_each_change_is_kept_with_its_time()
    {
        await factory.SetConsentTextAsync(ResearchFactory.ConsentText);
        var cohort = await factory.CohortAsync("Account consent");
        var learner = await factory.LearnerAsync(cohort, "Lea Learner");
        var client = await factory.CreateClientAsAsync(learner);

        var page = await client.GetDocumentAsync("/Account/Manage/Research");
        Assert.Contains("Not given", page.QuerySelector($"#cohort-{cohort.Id} .consent-state")!.TextContent, StringComparison.Ordinal);
        using var given = await client.PressAsync("/Account/Manage/Research", $"#cohort-{cohort.Id} form", "Give consent", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.True((await factory.MemberOfAsync(cohort, learner)).ResearchConsent);

        factory.Clock.Advance(TimeSpan.FromHours(1));
        using var withdrawn = await client.PressAsync("/Account/Manage/Research", $"#cohort-{cohort.Id} form", "Withdraw consent", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False((await factory.MemberOfAsync(cohort, learner)).ResearchConsent);

        var history = await factory.ConsentHistoryAsync(cohort, learner);
        Assert.Equal([true, false], history.Select(c => c.Given));
        Assert.Equal(TimeSpan.FromHours(1), history[1].At - history[0].At);
        var after = await client.GetDocumentAsync("/Account/Manage/Research");
        Assert.Contains("Not given", after.QuerySelector($"#cohort-{cohort.Id} .consent-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_for_a_cohort_the_person_is_not_in_is_not_found_and_changes_nothing()
    {
        await factory.SetConsentTextAsync(ResearchFactory.ConsentText);
        var cohort = await factory.CohortAsync("Not mine");
        var stranger = await factory.UserAsync($"{Guid.NewGuid():N}@elsewhere.test");
        var member = await factory.LearnerAsync(cohort, "Member");
        var client = await factory.CreateClientAsAsync(member);
        var form = (IHtmlFormElement)(await client.GetDocumentAsync("/Account/Manage/Research")).QuerySelector($"#cohort-{cohort.Id} form")!;
        var strangerClient = await factory.CreateClientAsAsync(stranger);
        var strangerForm = await strangerClient.AnyFormAsync("/Account/Manage");
        strangerForm.Action = "/Account/Manage/Research?handler=Give";

        using var refused = await strangerClient.PostFormAsync("/Account/Manage/Research?handler=Give", strangerForm, new Dictionary<string, string> { ["cohortId"] = cohort.Id.ToString() });
        using var nonsense = await client.PostFormAsync("/Account/Manage/Research", form, new Dictionary<string, string> { ["cohortId"] = "not-a-guid" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
        Assert.Empty(await factory.ConsentHistoryAsync(cohort, member));
        Assert.False((await factory.MemberOfAsync(cohort, member)).ResearchConsent);
    }
}
