using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Account;

public sealed class RegistrationTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const string NewPassword = "a meadow of quiet lanterns";

    private static Dictionary<string, string> Registration(string email, string name, string password = NewPassword) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = name,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Registration_sends_a_confirmation_link_that_confirms_the_account()
    {
        var client = factory.CreateBrowserLikeClient();
        using var registered = await client.SubmitAsync("/Account/Register", Registration("rosa@example.org", "Rosa <b>Bold</b>"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var checkEmail = await client.GetDocumentAsync(registered.Headers.Location!.OriginalString);
        Assert.Equal("Check your email", checkEmail.QuerySelector("h1")!.TextContent.Trim());
        Assert.False((await factory.FindUserAsync("rosa@example.org"))!.EmailConfirmed);

        var mail = await factory.Mail.WaitForMailToAsync("rosa@example.org", "Confirm your");
        Assert.Contains("Rosa &lt;b&gt;Bold&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Rosa <b>Bold</b>", mail.TextBody, StringComparison.Ordinal);

        var confirmed = await client.GetDocumentAsync(mail.LinkTo("/Account/ConfirmEmail"));
        Assert.Equal("Address confirmed", confirmed.QuerySelector("h1")!.TextContent.Trim());
        Assert.True((await factory.FindUserAsync("rosa@example.org"))!.EmailConfirmed);

        await client.SignInAsync("rosa@example.org", NewPassword);
        var landing = await client.GetDocumentAsync("/");
        Assert.Equal("Rosa <b>Bold</b>", landing.QuerySelector("a[href='/Account/Manage']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Registering_a_known_address_answers_the_same_and_creates_no_second_account()
    {
        await factory.UserAsync("known@example.org", "Known Person");
        var stranger = factory.CreateBrowserLikeClient();

        using var forKnown = await stranger.SubmitAsync("/Account/Register", Registration("known@example.org", "Someone Else"));
        using var forNew = await stranger.SubmitAsync("/Account/Register", Registration("brand-new@example.org", "Someone Else"));

        Assert.Equal(forNew.StatusCode, forKnown.StatusCode);
        Assert.Equal(forNew.Headers.Location, forKnown.Headers.Location);
        var knownPage = await stranger.GetDocumentAsync(forKnown.Headers.Location!.OriginalString);
        var newPage = await stranger.GetDocumentAsync(forNew.Headers.Location!.OriginalString);
        Assert.Equal(newPage.QuerySelector("main")!.InnerHtml, knownPage.QuerySelector("main")!.InnerHtml);

        var notice = await factory.Mail.WaitForMailToAsync("known@example.org", "Someone tried to register");
        Assert.Contains("/Account/Login", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("/Account/ForgotPassword", notice.TextBody, StringComparison.Ordinal);
        var accounts = await factory.WithServicesAsync(services => services.GetRequiredService<PlatformDbContext>().Users
            .CountAsync(u => u.NormalizedEmail == "KNOWN@EXAMPLE.ORG"));
        Assert.Equal(1, accounts);
        Assert.Equal("Known Person", (await factory.FindUserAsync("known@example.org"))!.DisplayName);
    }

    [Fact]
    public async Task An_unconfirmed_account_cannot_sign_in()
    {
        var client = factory.CreateBrowserLikeClient();
        using var registered = await client.SubmitAsync("/Account/Register", Registration("waiting@example.org", "Waiting"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "waiting@example.org",
            ["Input.Password"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.StartsWith("Sign-in failed.", page.QuerySelector(".error-summary")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_the_confirmation_mails_a_new_link_to_a_waiting_account_only()
    {
        await factory.UserAsync("pending@example.org", confirmed: false);
        var client = factory.CreateBrowserLikeClient();

        using var forPending = await client.SubmitAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Input.Email"] = "pending@example.org" });
        using var forUnknown = await client.SubmitAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });

        Assert.Equal(forPending.Headers.Location, forUnknown.Headers.Location);
        var mail = await factory.Mail.WaitForMailToAsync("pending@example.org", "Confirm your");
        var confirmed = await client.GetDocumentAsync(mail.LinkTo("/Account/ConfirmEmail"));
        Assert.Equal("Address confirmed", confirmed.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(factory.Mail.Messages, m => m.To.Mailboxes.Any(b => b.Address == "nobody@example.org"));
    }

    [Fact]
    public async Task A_broken_confirmation_link_says_so_and_confirms_nothing()
    {
        var user = await factory.UserAsync("broken-link@example.org", confirmed: false);
        var client = factory.CreateBrowserLikeClient();

        var page = await client.GetDocumentAsync($"/Account/ConfirmEmail?userId={user.Id}&code=bm90LWEtdG9rZW4");

        Assert.Equal("This link does not work", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.False((await factory.FindUserAsync("broken-link@example.org"))!.EmailConfirmed);
    }

    [Theory]
    [InlineData("tr0ub4dor&3", "at least 12 characters")]
    [InlineData("password1234", "most common")]
    [InlineData("qwertyuiopas", "most common")]
    [InlineData("Sunshine!!!!!!", "most common")]
    [InlineData("margaretha.lindqvist", "not your email address or your name")]
    public async Task Weak_passwords_are_refused_with_a_clear_message(string password, string message)
    {
        var client = factory.CreateBrowserLikeClient();
        using var response = await client.SubmitAsync("/Account/Register", Registration("margaretha.lindqvist@example.org", "Margaretha", password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.FindUserAsync("margaretha.lindqvist@example.org"));
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused()
    {
        var password = string.Concat(Enumerable.Repeat("lantern meadow ", 9))[..129];
        var client = factory.CreateBrowserLikeClient();
        using var response = await client.SubmitAsync("/Account/Register", Registration("long-password@example.org", "Long", password));

        var page = await response.ParseAsync();
        Assert.Contains("at most 128 characters", page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.FindUserAsync("long-password@example.org"));
    }

    [Fact]
    public async Task A_known_address_with_a_weak_password_gets_the_same_refusal_as_a_new_one()
    {
        await factory.UserAsync("weak-known@example.org");
        var client = factory.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/Account/Register", Registration("weak-known@example.org", "Weak", "password1234"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("most common", page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.GetDocumentAsync("/Account/Register");
        using var content = new FormUrlEncodedContent(Registration("forged@example.org", "Forged"));

        using var response = await client.PostAsync("/Account/Register", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await factory.FindUserAsync("forged@example.org"));
    }
}
