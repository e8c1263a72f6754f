using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Digests;
using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoSie.Platform.IntegrationTests.Email;

// Every mail a request sends, asked for with a forged Host header and a forged X-Forwarded-Host that the app believes
// (the request comes from a loopback proxy, which forwarded headers trust): its links lead to App:PublicBaseUrl, or to
// the institution's own host name, and never to the forged host.
public sealed partial class MailLinkTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private const string PublicBase = "https://learn.example.org";
    private const string Forged = "evil.test";
    private const string ForwardedForged = "forwarded.evil.test";

    private static readonly HtmlParser Parser = new();

    private WebApplicationFactory<Program> App() => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("App:PublicBaseUrl", PublicBase);
        // Plain-HTTP cookies, so the test's client keeps them; the links are what this is about.
        builder.UseSetting("Security:SecureCookies", "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FromLoopbackProxy>());
    });

    private static HttpClient ForgedClient(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{Forged}/"), AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", ForwardedForged);
        return client;
    }

    [Fact]
    public async Task Account_mails_asked_for_under_a_forged_host_link_to_the_public_address()
    {
        using var app = App();
        using var client = ForgedClient(app);
        var known = await factory.UserAsync($"known-{Guid.NewGuid():N}@links.test", "Known Person");
        var unconfirmed = await factory.UserAsync($"unconfirmed-{Guid.NewGuid():N}@links.test", "Unconfirmed Person", confirmed: false);
        var fresh = $"fresh-{Guid.NewGuid():N}@links.test";

        await PostAsync(client, "/dig-a/Account/Register", new() { ["Input.Email"] = fresh, ["Input.DisplayName"] = "Fresh", ["Input.Password"] = Seed.Password, ["Input.ConfirmPassword"] = Seed.Password });
        await PostAsync(client, "/Account/Register", new() { ["Input.Email"] = known.Email!, ["Input.DisplayName"] = "Again", ["Input.Password"] = Seed.Password, ["Input.ConfirmPassword"] = Seed.Password });
        await PostAsync(client, "/dig-a/Account/ResendConfirmation", new() { ["Input.Email"] = unconfirmed.Email! });
        await PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Email"] = known.Email! });
        await client.AuthenticateAs(factory, known);
        await PostAsync(client, "/dig-a/Account/Manage/Email", new() { ["Input.NewEmail"] = $"moved-{Guid.NewGuid():N}@links.test" });

        AssertLinks(await factory.Mail.WaitForMailToAsync(fresh, "Confirm your"), $"{PublicBase}/dig-a/Account/ConfirmEmail");
        AssertLinks(await factory.Mail.WaitForMailToAsync(known.Email!, "tried to register"), $"{PublicBase}/Account/Login", $"{PublicBase}/Account/ForgotPassword");
        AssertLinks(await factory.Mail.WaitForMailToAsync(unconfirmed.Email!, "Confirm your"), $"{PublicBase}/dig-a/Account/ConfirmEmail");
        AssertLinks(await factory.Mail.WaitForMailToAsync(known.Email!, "Choose a new password"), $"{PublicBase}/Account/ResetPassword");
        AssertLinks(await factory.Mail.WaitForAsync(m => m.Subject?.Contains("Confirm your new address", StringComparison.Ordinal) == true
            && m.To.Mailboxes.Any(b => b.Address.StartsWith("moved-", StringComparison.Ordinal))), $"{PublicBase}/dig-a/Account/Manage/ConfirmEmailChange");
    }

    [Fact]
    public async Task A_reset_asked_for_inside_an_institution_with_its_own_host_name_links_to_that_host()
    {
        await factory.InstitutionAsync("links-host", "Hosted University", "learn.hosted.test");
        var person = await factory.UserAsync($"hosted-{Guid.NewGuid():N}@links.test", "Hosted Person");
        using var app = App();
        using var client = ForgedClient(app);

        await PostAsync(client, "/links-host/Account/ForgotPassword", new() { ["Input.Email"] = person.Email! });

        AssertLinks(await factory.Mail.WaitForMailToAsync(person.Email!, "Choose a new password"), "https://learn.hosted.test/Account/ResetPassword");
    }

    [Fact]
    public async Task Invitations_and_the_digest_test_mail_sent_under_a_forged_host_link_to_the_public_address()
    {
        var cohort = await factory.CohortAsync("Forged host", postFirst: false);
        var learner = await factory.PersonAsync(cohort, "Forged Learner");
        var writer = await factory.PersonAsync(cohort, "Forged Writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "Something new.");
        factory.Advance(TimeSpan.FromHours(1));
        using var app = App();
        using var client = ForgedClient(app);
        await client.AuthenticateAs(factory, factory.Instructor);
        var invited = $"invited-{Guid.NewGuid():N}@links.test";

        using (var uploaded = await client.UploadRosterAsync($"/dig-a/cohorts/{cohort.Id}/roster", Encoding.UTF8.GetBytes($"email,name,role\n{invited},Invited Person,learner\n")))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }
        using (var sent = await client.SubmitAsync($"/dig-a/cohorts/{cohort.Id}/digest?member={learner.Id}", new Dictionary<string, string>(), "form[action*='SendTest']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        AssertLinks(await factory.Mail.WaitForMailToAsync(invited, "Invitation"), $"{PublicBase}/dig-a/join/");
        AssertLinks(await factory.Mail.WaitForAsync(m => m.Subject?.Contains("[Test] Forged host", StringComparison.Ordinal) == true),
            $"{PublicBase}/dig-a/cohorts/{cohort.Id}/reflections/", $"{PublicBase}/dig-a/Account/Manage/Digests", $"{PublicBase}/unsubscribe/");
    }

    private static async Task PostAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        using var response = await client.SubmitAsync(url, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} answered {(int)response.StatusCode}");
    }

    // Each expected link is there, and every link of both parts starts at the configured address.
    private static void AssertLinks(MimeMessage mail, params string[] expected)
    {
        var html = Parser.ParseDocument(mail.HtmlBody ?? string.Empty);
        var links = Link().Matches(mail.TextBody ?? string.Empty).Select(m => m.Value)
            .Concat(html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            .ToList();
        Assert.NotEmpty(links);
        foreach (var prefix in expected)
        {
            Assert.Contains(links, l => l.StartsWith(prefix, StringComparison.Ordinal));
        }
        var root = new Uri(expected[0]).GetLeftPart(UriPartial.Authority) + "/";
        Assert.All(links, l => Assert.StartsWith(root, l, StringComparison.Ordinal));
        var whole = (mail.TextBody ?? string.Empty) + (mail.HtmlBody ?? string.Empty);
        Assert.DoesNotContain(Forged, whole, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    // The test server has no client address; this one is the loopback proxy that forwarded headers trust by default.
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }
}
