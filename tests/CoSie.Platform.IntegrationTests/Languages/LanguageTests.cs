using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions.Live;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;

namespace CoSie.Platform.IntegrationTests.Languages;

// Each person reads the platform in their own language, whoever else is involved: a Finnish learner in a Swedish
// institution reads Finnish pages, Finnish mail and Finnish live updates; a visitor reads their browser's language.
public sealed class LanguageTests(LanguageFactory factory) : IClassFixture<LanguageFactory>
{
    private string Institution => factory.A.Slug;

    [Fact]
    public async Task A_finnish_learner_in_a_swedish_institution_reads_pages_in_finnish_with_finnish_dates()
    {
        var cohort = await factory.OpenCohortAsync("Suomeksi");
        var learner = await factory.LearnerAsync(cohort, "Aino Suomi");
        await factory.UpdateUserAsync(learner.Email!, u => u.Language = "fi");
        var finn = await factory.CreateClientAsAsync(learner);
        var swede = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Sven Svensk"));

        var page = await finn.GetDocumentAsync($"/{Institution}/cohorts");
        var other = await swede.GetDocumentAsync($"/{Institution}/cohorts");

        Assert.Equal("fi", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fi-FI", page.Body!.GetAttribute("data-formats"));
        Assert.Contains(Translations.Of("fi", "My cohorts"), page.Title, StringComparison.Ordinal);
        // The member who chose nothing reads the institution's language and formats.
        Assert.Equal("sv", other.DocumentElement.GetAttribute("lang"));
        Assert.Equal(LanguageFactory.InstitutionCulture, other.Body!.GetAttribute("data-formats"));
        Assert.Contains(Translations.Of("sv", "My cohorts"), other.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_pushed_live_reaches_each_reader_in_their_own_language()
    {
        var cohort = await factory.OpenCohortAsync("Live languages");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Anna Author"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Läs och svara.");
        var finnishReader = await factory.LearnerAsync(cohort, "Fiia Reader");
        await factory.UpdateUserAsync(finnishReader.Email!, u => u.Language = "fi");
        var polishReader = await factory.LearnerAsync(cohort, "Piotr Reader");
        await factory.UpdateUserAsync(polishReader.Email!, u => u.Language = "pl");
        await using var finn = await LiveClient.ConnectAsync(factory, (await factory.FindUserAsync(finnishReader.Email!))!);
        await using var pole = await LiveClient.ConnectAsync(factory, (await factory.FindUserAsync(polishReader.Email!))!);
        Assert.True((await finn.JoinAsync(Institution, reflectionId)).Joined);
        Assert.True((await pole.JoinAsync(Institution, reflectionId)).Joined);

        await factory.ReplyAsync(author, cohort, reflectionId, "Tack!");

        var finnish = await finn.NextAsync<ThreadEventMessage>("ReplyPosted");
        var polish = await pole.NextAsync<ThreadEventMessage>("ReplyPosted");
        Assert.Contains(">" + Translations.Of("fi", "Reply") + "<", finnish.Html, StringComparison.Ordinal);
        Assert.Contains(">" + Translations.Of("pl", "Reply") + "<", polish.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Reply<", finnish.Html, StringComparison.Ordinal);
        // Pushes carry UTC times; the page shows them in the reader's zone (data-time-zone on its body).
        Assert.Contains("<time datetime=\"", finnish.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_goes_out_in_the_recipients_language_whoever_asks_for_it()
    {
        var user = await factory.UserAsync("kirje@example.org", "Kirsi Kirje");
        await factory.UpdateUserAsync(user.Email!, u => u.Language = "fi");
        // Asked for from an English browser: the mail is still Finnish.
        var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        stranger.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        using var asked = await stranger.SubmitAsync($"/{Institution}/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = user.Email! });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var subject = Translations.Of("fi", "Choose a new password for {site}", factory.A.Name);
        var mail = await factory.Mail.WaitForMailToAsync(user.Email!, subject);
        Assert.Equal(subject, mail.Subject);
        Assert.Equal("fi", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains(Translations.Of("fi", "Hello {name},", "Kirsi Kirje"), mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pl, en;q=0.5", "pl")]
    [InlineData("de-AT, et;q=0.8, en;q=0.5", "et")]
    [InlineData("de, fr;q=0.9", "sv")]
    public async Task A_visitor_reads_the_first_language_of_their_browser_the_platform_speaks(string acceptLanguage, string expected)
    {
        var visitor = factory.CreateClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var page = await visitor.GetDocumentAsync($"/{Institution}/Account/Login");

        Assert.Equal(expected, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Translations.Of(expected, "Sign in"), page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_language_picker_keeps_a_visitor_on_the_same_page_and_remembers_the_choice()
    {
        var visitor = factory.CreateBrowserLikeClient();
        var here = $"/{Institution}/Account/Login?ReturnUrl=%2F{Institution}%2Fcohorts";

        using var chosen = await visitor.SubmitAsync(here, new Dictionary<string, string> { ["language"] = "et", ["returnUrl"] = here }, "form.language-picker");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(here, chosen.Headers.Location!.OriginalString);
        var page = await visitor.GetDocumentAsync(here);
        Assert.Equal("et", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("et", page.QuerySelector("#language-picker option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("https://elsewhere.example/phish")]
    [InlineData("//elsewhere.example/phish")]
    [InlineData("/\\elsewhere.example")]
    public async Task The_language_picker_never_leads_off_the_site(string returnUrl)
    {
        var visitor = factory.CreateBrowserLikeClient();

        using var chosen = await visitor.SubmitAsync($"/{Institution}/Account/Login", new Dictionary<string, string> { ["language"] = "it", ["returnUrl"] = returnUrl }, "form.language-picker");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal($"/{Institution}/", chosen.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_with_a_message_and_changes_nothing()
    {
        var visitor = factory.CreateBrowserLikeClient();

        using var refused = await visitor.SubmitAsync($"/{Institution}/Account/Login", new Dictionary<string, string> { ["language"] = "tlh" }, "form.language-picker");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cosie-language", StringComparison.Ordinal)));
        var page = await refused.ParseAsync();
        // A visitor whose browser names no language the platform speaks reads the institution's.
        Assert.Equal(Translations.Of("sv", "Choose one of the languages in the list."), page.QuerySelector("[data-valmsg-for='Language']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_member_who_picks_a_language_keeps_it_in_their_account_for_mail_and_other_devices()
    {
        var cohort = await factory.OpenCohortAsync("Picker member");
        var member = await factory.LearnerAsync(cohort, "Maria Picker");
        var client = await factory.CreateClientAsAsync(member);

        using var chosen = await client.SubmitAsync($"/{Institution}/cohorts", new Dictionary<string, string> { ["language"] = "es", ["returnUrl"] = $"/{Institution}/cohorts" }, "form.language-picker");

        Assert.Equal("es", (await factory.FindUserAsync(member.Email!))!.Language);
        var elsewhere = await factory.CreateClientAsAsync((await factory.FindUserAsync(member.Email!))!);
        Assert.Equal("es", (await elsewhere.GetDocumentAsync($"/{Institution}/cohorts")).DocumentElement.GetAttribute("lang"));
    }
}
