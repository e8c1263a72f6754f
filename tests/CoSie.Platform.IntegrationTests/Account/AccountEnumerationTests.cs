using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.Account;

// The account forms tell nobody which addresses have accounts: a known and an unknown address get the same status,
// headers and body, before an account is locked, at the attempt that locks it and while it is locked. Each pair of
// addresses has the same length, so even the Content-Length must agree. With Server-Timing on, the responses also say
// how many SQL commands they took, so "the same headers" includes the same database work (its time is left out).
public sealed partial class AccountEnumerationTests(AccountEnumerationTests.Factory factory) : IClassFixture<AccountEnumerationTests.Factory>
{
    private const string WrongPassword = "not the password at all";
    private const string NewPassword = "seven tired owls at dawn";

    public sealed class Factory : PlatformFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Each test sends a few dozen account forms from the one address of the test server.
            builder.UseSetting("RateLimits:AccountFormsPerMinute", "10000");
            builder.UseSetting("Diagnostics:ServerTiming", "true");
            // Links in mail start at the public address, while the test server is plain http://localhost.
            builder.UseSetting("App:PublicBaseUrl", "https://learn.example.org");
            builder.UseSetting("Security:SecureCookies", "false");
        }
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string page = "/Account/Login") =>
        client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email) =>
        client.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Some One",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

    private static Task<HttpResponseMessage> ForgotPasswordAsync(HttpClient client, string email) =>
        client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> ResendConfirmationAsync(HttpClient client, string email) =>
        client.SubmitAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Input.Email"] = email });

    // What a client sees of a response, with what differs per request anyway replaced: the antiforgery token, the
    // address it typed (echoed into the form), the date and how long the SQL took. `work` leaves the SQL count in.
    private static async Task<string> SeenAsync(HttpResponseMessage response, string email, bool work = true)
    {
        var seen = new StringBuilder().Append((int)response.StatusCode).Append('\n');
        foreach (var header in response.Headers.Concat(response.Content.Headers)
                     .Where(h => h.Key != "Date" && (work || h.Key != "Server-Timing"))
                     .OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            seen.Append(header.Key).Append(": ").Append(Duration().Replace(string.Join(", ", header.Value), "dur=*")).Append('\n');
        }
        var body = await response.Content.ReadAsStringAsync();
        body = AntiforgeryToken().Replace(body, "$1(token)\"");
        return seen.Append('\n').Append(body.Replace(email, "(address)", StringComparison.OrdinalIgnoreCase)).ToString();
    }

    private static async Task AssertAlikeAsync(string when, HttpResponseMessage known, string knownEmail, HttpResponseMessage unknown, string unknownEmail, bool work = true)
    {
        Assert.Equal(knownEmail.Length, unknownEmail.Length);
        var expected = await SeenAsync(unknown, unknownEmail, work);
        var actual = await SeenAsync(known, knownEmail, work);
        Assert.True(expected == actual, $"{when}: the known address was answered\n{actual}\n\nthe unknown one\n{expected}");
    }

    // Five wrong passwords for the known address lock it; each is compared with the same attempt for an unknown one.
    private async Task LockAsync(string known, string unknown)
    {
        var guesser = factory.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var forKnown = await SignInAsync(guesser, known, WrongPassword);
            using var forUnknown = await SignInAsync(guesser, unknown, WrongPassword);
            await AssertAlikeAsync($"wrong password {attempt}", forKnown, known, forUnknown, unknown);
        }
        Assert.True((await factory.FindUserAsync(known))!.LockoutEnd > DateTimeOffset.UtcNow, "the known account is locked");
    }

    [Fact]
    public async Task Sign_in_answers_a_known_and_an_unknown_address_alike_before_at_and_after_lockout()
    {
        await factory.UserAsync("known-sign@enum.test");
        const string unknown = "ghost-sign@enum.test";

        await LockAsync("known-sign@enum.test", unknown);

        var guesser = factory.CreateBrowserLikeClient();
        foreach (var password in new[] { WrongPassword, Seed.Password })
        {
            using var forKnown = await SignInAsync(guesser, "known-sign@enum.test", password);
            using var forUnknown = await SignInAsync(guesser, unknown, password);
            await AssertAlikeAsync($"while locked, {(password == Seed.Password ? "the right" : "a wrong")} password", forKnown, "known-sign@enum.test", forUnknown, unknown);
        }
        using (var manage = await guesser.GetAsync("/Account/Manage"))
        {
            Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        }

        // Once the lockout is over, failures count again, still alike, and the right password signs in.
        await factory.UpdateUserAsync("known-sign@enum.test", u => u.LockoutEnd = DateTimeOffset.UtcNow.AddSeconds(-1));
        using (var forKnown = await SignInAsync(guesser, "known-sign@enum.test", WrongPassword))
        using (var forUnknown = await SignInAsync(guesser, unknown, WrongPassword))
        {
            await AssertAlikeAsync("after the lockout", forKnown, "known-sign@enum.test", forUnknown, unknown);
        }
        Assert.Equal(1, (await factory.FindUserAsync("known-sign@enum.test"))!.AccessFailedCount);
        await factory.CreateBrowserLikeClient().SignInAsync("known-sign@enum.test");
    }

    [Fact]
    public async Task A_disabled_an_unconfirmed_and_a_locked_account_answer_the_right_password_like_a_wrong_one()
    {
        await factory.UserAsync("wrong-pw@enum.test");
        await factory.UserAsync("disabled@enum.test");
        await factory.UpdateUserAsync("disabled@enum.test", u => u.IsDisabled = true);
        await factory.UserAsync("unconfrm@enum.test", confirmed: false);
        await factory.UserAsync("lockedup@enum.test");
        await LockAsync("lockedup@enum.test", "unknown1@enum.test");
        var guesser = factory.CreateBrowserLikeClient();

        using var wrong = await SignInAsync(guesser, "wrong-pw@enum.test", WrongPassword);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        foreach (var refused in new[] { "disabled@enum.test", "unconfrm@enum.test", "lockedup@enum.test" })
        {
            using var response = await SignInAsync(guesser, refused, Seed.Password);
            await AssertAlikeAsync(refused, response, refused, wrong, "wrong-pw@enum.test");
        }
    }

    [Fact]
    public async Task The_owner_hears_of_a_lockout_once_by_mail_with_a_link_that_opens_the_account_at_once()
    {
        await factory.UserAsync("locked-owner@enum.test", "Locked Owner");
        await LockAsync("locked-owner@enum.test", "ghost-owner1@enum.test");
        var guesser = factory.CreateBrowserLikeClient();
        for (var attempt = 6; attempt <= 8; attempt++)
        {
            using var more = await SignInAsync(guesser, "locked-owner@enum.test", attempt == 8 ? Seed.Password : WrongPassword);
            Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        }

        var mail = await factory.Mail.WaitForMailToAsync("locked-owner@enum.test", "is locked");
        Assert.Contains("Hello Locked Owner", mail.TextBody, StringComparison.Ordinal);
        // From App:PublicBaseUrl, not from the Host of the guesser's requests (localhost).
        var link = mail.LinkTo("/Account/ResetPassword");
        Assert.StartsWith("https://learn.example.org/Account/ResetPassword?code=", link, StringComparison.Ordinal);

        var owner = factory.CreateBrowserLikeClient();
        using var reset = await owner.SubmitAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = "locked-owner@enum.test",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Account/Login", reset.Headers.Location?.OriginalString);
        await owner.SignInAsync("locked-owner@enum.test", NewPassword);

        await Task.Delay(200);
        Assert.Single(factory.Mail.To("locked-owner@enum.test"), m => (m.Subject ?? string.Empty).Contains("is locked", StringComparison.Ordinal));
        Assert.Empty(factory.Mail.To("ghost-owner1@enum.test"));
    }

    // An institution reached by its prefix gets links under the platform address; one bound to a host name gets links
    // to that host, over https, whatever host and scheme the guesser used.
    [Theory]
    [InlineData("north-enum", null, "http://localhost", "/north-enum/Account/Login", "https://learn.example.org/north-enum/Account/ResetPassword?code=")]
    [InlineData("south-enum", "south.enum.test", "http://south.enum.test", "/Account/Login", "https://south.enum.test/Account/ResetPassword?code=")]
    public async Task A_lockout_inside_an_institution_is_told_under_its_name_with_a_link_into_it(
        string slug, string? hostName, string requestBase, string login, string linkStart)
    {
        await factory.InstitutionAsync(slug, $"University {slug}", hostName is null ? [] : [hostName]);
        var owner = $"owner@{slug}.test";
        await factory.UserAsync(owner);
        var guesser = factory.CreateBrowserLikeClient();
        guesser.BaseAddress = new Uri(requestBase);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync(guesser, owner, WrongPassword, login);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var mail = await factory.Mail.WaitForMailToAsync(owner, "is locked");
        Assert.Contains($"University {slug}", mail.Subject, StringComparison.Ordinal);
        Assert.StartsWith(linkStart, mail.LinkTo("/Account/ResetPassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_answers_a_known_and_an_unknown_address_alike_across_lockout_and_tells_the_owner()
    {
        await factory.UserAsync("known-reg@enum.test");
        var visitor = factory.CreateBrowserLikeClient();

        // Creating an account is work that registering a known address does not do: the SQL count is left out.
        async Task CompareAsync(string when, string unknown)
        {
            using var forKnown = await RegisterAsync(visitor, "known-reg@enum.test");
            using var forUnknown = await RegisterAsync(visitor, unknown);
            Assert.Equal(HttpStatusCode.Redirect, forKnown.StatusCode);
            await AssertAlikeAsync(when, forKnown, "known-reg@enum.test", forUnknown, unknown, work: false);
        }

        await CompareAsync("before the lockout", "ghostreg1@enum.test");
        await LockAsync("known-reg@enum.test", "ghostreg2@enum.test");
        await CompareAsync("while locked", "ghostreg3@enum.test");

        var attempts = await factory.Mail.WaitForCountAsync(
            m => m.To.Mailboxes.Any(b => b.Address == "known-reg@enum.test") && (m.Subject ?? string.Empty).Contains("tried to register", StringComparison.Ordinal), 2);
        Assert.Equal(2, attempts.Count);
        Assert.NotNull(await factory.FindUserAsync("ghostreg3@enum.test"));
    }

    [Fact]
    public async Task Forgot_password_answers_a_known_and_an_unknown_address_alike_across_lockout_and_mails_the_owner()
    {
        await factory.UserAsync("known-fgt@enum.test");
        const string unknown = "ghost-fgt@enum.test";
        var visitor = factory.CreateBrowserLikeClient();

        async Task CompareAsync(string when)
        {
            using var forKnown = await ForgotPasswordAsync(visitor, "known-fgt@enum.test");
            using var forUnknown = await ForgotPasswordAsync(visitor, unknown);
            Assert.Equal(HttpStatusCode.Redirect, forKnown.StatusCode);
            await AssertAlikeAsync(when, forKnown, "known-fgt@enum.test", forUnknown, unknown);
        }

        await CompareAsync("before the lockout");
        await LockAsync("known-fgt@enum.test", unknown);
        await CompareAsync("while locked");

        var resets = await factory.Mail.WaitForCountAsync(
            m => m.To.Mailboxes.Any(b => b.Address == "known-fgt@enum.test") && (m.Subject ?? string.Empty).Contains("new password", StringComparison.Ordinal), 2);
        Assert.Equal(2, resets.Count);
        Assert.Empty(factory.Mail.To(unknown));
        // The link asked for while locked works, and opens the account at once.
        var owner = factory.CreateBrowserLikeClient();
        using var reset = await owner.SubmitAsync(resets[^1].LinkTo("/Account/ResetPassword"), new Dictionary<string, string>
        {
            ["Input.Email"] = "known-fgt@enum.test",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Account/Login", reset.Headers.Location?.OriginalString);
        await owner.SignInAsync("known-fgt@enum.test", NewPassword);
    }

    [Fact]
    public async Task Resend_confirmation_answers_a_known_and_an_unknown_address_alike_across_lockout()
    {
        await factory.UserAsync("known-rsd@enum.test");
        const string unknown = "ghost-rsd@enum.test";
        var visitor = factory.CreateBrowserLikeClient();

        async Task CompareAsync(string when)
        {
            using var forKnown = await ResendConfirmationAsync(visitor, "known-rsd@enum.test");
            using var forUnknown = await ResendConfirmationAsync(visitor, unknown);
            Assert.Equal(HttpStatusCode.Redirect, forKnown.StatusCode);
            await AssertAlikeAsync(when, forKnown, "known-rsd@enum.test", forUnknown, unknown);
        }

        await CompareAsync("before the lockout");
        await LockAsync("known-rsd@enum.test", unknown);
        await CompareAsync("while locked");
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]*\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"dur=[0-9.]+")]
    private static partial Regex Duration();
}
