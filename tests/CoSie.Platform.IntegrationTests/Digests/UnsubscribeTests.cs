using System.Net;
using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Digests;

public sealed partial class UnsubscribeTests(DigestFactory factory) : IClassFixture<DigestFactory>
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
    public async Task A_tampered_token_is_refused_with_the_friendly_404_and_changes_nothing()
    {
        var (cohort, reader, link) = await DigestReceivedAsync("Tampered");
        var token = link[(link.LastIndexOf('/') + 1)..];
        var middle = token.Length / 2;
        var tampered = link[..(link.LastIndexOf('/') + 1)] + token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var client = Anonymous();

        await AssertRefusedAsync(client, tampered);

        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, reader));
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_the_friendly_404_and_changes_nothing()
    {
        var (cohort, reader, link) = await DigestReceivedAsync("Expired");
        factory.Advance(TimeSpan.FromDays(61));
        using var client = Anonymous();

        await AssertRefusedAsync(client, link);

        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, reader));
    }

    public static TheoryData<string> Garbage() =>
    [
        "x",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "CfDJ8-not-a-real-token",
        "%20",
        "..%2F..%2Fadmin",
        "%E2%80%AEkcilc",
        new string('A', 4000),
    ];

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task A_garbage_token_is_refused_with_the_friendly_404_and_changes_nothing(string token)
    {
        var (cohort, reader, link) = await DigestReceivedAsync($"Garbage {token.Length}");
        using var client = Anonymous();

        await AssertRefusedAsync(client, link[..(link.LastIndexOf('/') + 1)] + token);

        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, reader));
    }

    [Fact]
    public async Task An_empty_token_finds_no_page_and_changes_nothing()
    {
        var (cohort, reader, link) = await DigestReceivedAsync("Empty");
        using var client = Anonymous();
        var empty = link[..(link.LastIndexOf('/') + 1)];

        using var get = await client.GetAsync(empty);
        using var post = await OneClickAsync(client, empty);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains("Page not found", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, reader));
    }

    // GET, the one-click POST and the page's own form POST alike: 404 with the page that says what to do instead.
    private static async Task AssertRefusedAsync(HttpClient client, string link)
    {
        using var get = await client.GetAsync(link);
        using var oneClick = await OneClickAsync(client, link);
        using var chosen = await client.PostAsync(link, new FormUrlEncodedContent([new("choice", "Off")]));
        foreach (var response in new[] { get, oneClick, chosen })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("invalid or has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    // "Send this preview to me": the member's digest reaches the instructor with the instructor's own unsubscribe link
    // and headers, and pressing them there turns off the instructor's digest, never the member's.
    [Fact]
    public async Task The_test_mail_of_a_preview_carries_the_senders_own_unsubscribe_link_and_never_the_members()
    {
        var cohort = await factory.CohortAsync("Preview link", postFirst: false);
        var member = await factory.PersonAsync(cohort, "Previewed Member");
        var writer = await factory.PersonAsync(cohort, "Preview Writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "Something to preview.");
        factory.Advance(TimeSpan.FromHours(1));
        using var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var page = $"/dig-a/cohorts/{cohort.Id}/digest?member={member.Id}";

        var preview = await instructor.GetDocumentAsync(page);
        using var frame = await instructor.GetAsync($"/dig-a/cohorts/{cohort.Id}/digest?handler=Mail&member={member.Id}");
        using (var sent = await instructor.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='SendTest']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        var mail = await factory.Mail.WaitForAsync(m => m.Subject?.Contains("[Test] Preview link", StringComparison.Ordinal) == true);

        var header = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Equal(header, mail.LinkTo("/unsubscribe/"));
        Assert.Equal(new UnsubscribeToken(factory.A.Id, cohort.Id, factory.Instructor.Id), ReadToken(header));
        var everyLink = UnsubscribeLinks(mail.TextBody + mail.HtmlBody + preview.DocumentElement.OuterHtml + await frame.Content.ReadAsStringAsync());
        Assert.NotEmpty(everyLink);
        Assert.All(everyLink, link => Assert.Equal(factory.Instructor.Id, ReadToken(link)?.UserId));

        using var client = Anonymous();
        using (var pressed = await OneClickAsync(client, header))
        {
            Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        }
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, member));
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(cohort, factory.Instructor));
    }

    // An institution's admin may preview and test a cohort without being in it: they have no digest of it to stop, so
    // the test mail carries no unsubscribe link or header at all.
    [Fact]
    public async Task A_test_mail_to_an_admin_outside_the_cohort_carries_no_unsubscribe_link_or_header()
    {
        var cohort = await factory.CohortAsync("Admin preview", postFirst: false);
        var member = await factory.PersonAsync(cohort, "Admin Previewed");
        var writer = await factory.PersonAsync(cohort, "Admin Writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "Something for the admin.");
        factory.Advance(TimeSpan.FromHours(1));
        var admin = await factory.MemberAsync(factory.A, $"admin-{Guid.NewGuid():N}@dig-a.test", InstitutionRole.Admin);
        using var client = await factory.CreateClientAsAsync(admin);
        var page = $"/dig-a/cohorts/{cohort.Id}/digest?member={member.Id}";

        var preview = await client.GetDocumentAsync(page);
        using (var sent = await client.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='SendTest']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        var mail = await factory.Mail.WaitForMailToAsync(admin.Email!, "[Test] Admin preview");

        Assert.Null(mail.Headers["List-Unsubscribe"]);
        Assert.Null(mail.Headers["List-Unsubscribe-Post"]);
        Assert.Empty(UnsubscribeLinks(mail.TextBody + mail.HtmlBody + preview.DocumentElement.OuterHtml));
        Assert.Contains("Something for the admin.", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(cohort, member));
    }

    private UnsubscribeToken? ReadToken(string link) =>
        factory.Services.GetRequiredService<UnsubscribeTokens>().Read(Uri.UnescapeDataString(link[(link.LastIndexOf('/') + 1)..]));

    private static List<string> UnsubscribeLinks(string text) =>
        UnsubscribeLink().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"https?://[^\s""<>]*/unsubscribe/[A-Za-z0-9_-]+")]
    private static partial Regex UnsubscribeLink();

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
        await factory.CohortMemberAsync(factory.A, other, reader);
        using var client = await factory.CreateClientAsAsync(reader);

        using var response = await client.SubmitAsync("/Account/Manage/Digests", new Dictionary<string, string> { ["frequency"] = "Off" }, $"#digest-{cohort.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(cohort, reader));
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(other, reader));
        var page = await client.GetDocumentAsync("/dig-a/Account/Manage/Digests");
        Assert.Equal("Off", page.QuerySelector($"#frequency-{cohort.Id} option[selected]")?.GetAttribute("value"));
    }
}
