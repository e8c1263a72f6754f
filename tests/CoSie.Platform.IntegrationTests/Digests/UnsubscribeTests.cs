using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoSie.Platform.IntegrationTests.Digests;

public sealed class UnsubscribeTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private async Task<(Cohort Cohort, PlatformUser Reader, string Link)> DigestReceivedAsync(string name)
    {
        var cohort = await factory.CohortAsync(name, postFirst: false);
        var reader = await factory.PersonAsync(cohort, $"{name} reader");
        var writer = await factory.PersonAsync(cohort, $"{name} writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "Something to read.");
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);
        var mail = Assert.Single(factory.Mail.To(reader.Email!));
        var header = mail.Headers["List-Unsubscribe"]!;
        Assert.Equal(header.Trim('<', '>'), mail.LinkTo("/unsubscribe/"));
        return (cohort, reader, header.Trim('<', '>'));
    }

    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string link) =>
        client.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    private async Task<DigestFrequency> FrequencyAsync(Cohort cohort, PlatformUser user) => (await factory.MembershipAsync(cohort, user)).DigestFrequency;

    [Fact]
    public async Task One_click_post_without_cookies_turns_the_digest_off_and_answers_200()
    {
        var (cohort, reader, link) = await DigestReceivedAsync("One click");
        using var client = Anonymous();

        using var response = await OneClickAsync(client, link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(cohort, reader));
        await factory.ReflectionAsync(cohort, factory.P2, (await factory.PersonAsync(cohort, "Another writer")), "More news.");
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);
        Assert.Single(factory.Mail.To(reader.Email!));
    }

    [Fact]
    public async Task A_tampered_token_is_refused_and_changes_nothing()
    {
        var (cohort, reader, link) = await DigestReceivedAsync("Tampered");
        var token = link[(link.LastIndexOf('/') + 1)..];
        var middle = token.Length / 2;
        var tampered = link[..(link.LastIndexOf('/') + 1)] + token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var client = Anonymous();

        using var response = await OneClickAsync(client, tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid or has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, reader));
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_changes_nothing()
    {
        var (cohort, reader, link) = await DigestReceivedAsync("Expired");
        factory.Advance(TimeSpan.FromDays(61));
        using var client = Anonymous();

        using var post = await OneClickAsync(client, link);
        using var get = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, reader));
    }

    [Fact]
    public async Task Opening_the_link_changes_nothing_and_offers_every_two_weeks_or_off()
    {
        var (cohort, reader, link) = await DigestReceivedAsync("Choice");
        using var client = Anonymous();

        var page = await client.GetDocumentAsync(link);
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, reader));
        var choices = page.QuerySelectorAll("input[name=choice]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["EveryTwoWeeks", "Off"], choices.ToList());

        using var response = await client.SubmitAsync(link, new Dictionary<string, string> { ["choice"] = "EveryTwoWeeks" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DigestFrequency.EveryTwoWeeks, await FrequencyAsync(cohort, reader));
    }

    [Fact]
    public async Task Members_change_their_digest_per_cohort_in_their_account()
    {
        var (cohort, reader, _) = await DigestReceivedAsync("Account");
        var other = await factory.CohortAsync("Account other");
        await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            db.CohortMembers.Add(new CohortMember { CohortId = other.Id, UserId = reader.Id, JoinedAt = factory.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        using var client = await factory.CreateClientAsAsync(reader);

        using var response = await client.SubmitAsync("/Account/Manage/Digests", new Dictionary<string, string> { ["frequency"] = "Off" }, $"#digest-{cohort.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(cohort, reader));
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(other, reader));
        var page = await client.GetDocumentAsync("/dig-a/Account/Manage/Digests");
        Assert.Equal("Off", page.QuerySelector($"#frequency-{cohort.Id} option[selected]")?.GetAttribute("value"));
    }
}
