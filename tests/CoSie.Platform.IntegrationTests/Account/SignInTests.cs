using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Account;

public sealed class SignInTests(SignInTests.Factory factory) : IClassFixture<SignInTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {
        public Institution Institution { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Institution = await this.InstitutionAsync("uni-north", "Northern University");
        }
    }

    private static async Task<HttpResponseMessage> TrySignInAsync(HttpClient client, string email, string password, string page = "/Account/Login") =>
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ParseAsync()).QuerySelector(".error-summary")!.TextContent.Trim();
    }

    [Fact]
    public async Task Signing_in_redirects_home_and_shows_the_name()
    {
        await factory.UserAsync("ada@example.org", "Ada Lovelace");
        var client = factory.CreateBrowserLikeClient();

        using var response = await TrySignInAsync(client, "ada@example.org", Seed.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cosie.session=", StringComparison.Ordinal));
        var landing = await client.GetDocumentAsync("/");
        Assert.Equal("Ada Lovelace", landing.QuerySelector("a[href='/Account/Manage']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await factory.UserAsync("guessed@example.org");
        var client = factory.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await TrySignInAsync(client, "guessed@example.org", $"not the password {attempt}");
            Assert.StartsWith("Sign-in failed.", await ErrorOfAsync(wrong), StringComparison.Ordinal);
        }

        using var right = await TrySignInAsync(client, "guessed@example.org", Seed.Password);

        // The same words as a wrong password: the lockout is told to the owner by mail (AccountEnumerationTests).
        Assert.StartsWith("Sign-in failed.", await ErrorOfAsync(right), StringComparison.Ordinal);
        using var stillOut = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        Assert.True((await factory.FindUserAsync("guessed@example.org"))!.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_unknown_account_and_a_wrong_password_get_the_same_error()
    {
        await factory.UserAsync("real@example.org");
        var client = factory.CreateBrowserLikeClient();

        using var unknown = await TrySignInAsync(client, "ghost@example.org", Seed.Password);
        using var wrong = await TrySignInAsync(client, "real@example.org", "not the right password");

        Assert.Equal(await ErrorOfAsync(unknown), await ErrorOfAsync(wrong));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        await factory.UserAsync("disabled@example.org");
        await factory.UpdateUserAsync("disabled@example.org", u => u.IsDisabled = true);
        var client = factory.CreateBrowserLikeClient();

        using var response = await TrySignInAsync(client, "disabled@example.org", Seed.Password);

        Assert.StartsWith("Sign-in failed.", await ErrorOfAsync(response), StringComparison.Ordinal);
        using var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_within_a_minute()
    {
        await factory.UserAsync("soon-disabled@example.org");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("soon-disabled@example.org");
        using (var before = await client.GetAsync("/Account/Manage"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await factory.UpdateUserAsync("soon-disabled@example.org", u => u.IsDisabled = true);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        using var after = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    public async Task Sign_in_ignores_a_return_url_to_another_site(string returnUrl)
    {
        await factory.UserAsync($"redirect{returnUrl.Length}@example.org");
        var client = factory.CreateBrowserLikeClient();

        using var response = await TrySignInAsync(client, $"redirect{returnUrl.Length}@example.org", Seed.Password,
            "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_protected_page_sends_strangers_to_sign_in_and_back()
    {
        await factory.UserAsync("returning@example.org");
        var client = factory.CreateBrowserLikeClient();

        using var challenge = await client.GetAsync("/Account/Manage/Password");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var loginUrl = challenge.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/Account/Login?ReturnUrl=", loginUrl, StringComparison.Ordinal);

        using var response = await TrySignInAsync(client, "returning@example.org", Seed.Password, loginUrl);

        Assert.Equal("/Account/Manage/Password", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_takes_a_post_and_ends_the_session()
    {
        await factory.UserAsync("leaving@example.org");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("leaving@example.org");

        var confirm = await client.GetDocumentAsync("/Account/Logout");
        Assert.NotNull(confirm.QuerySelector("main form[method=post]"));
        using (var stillIn = await client.GetAsync("/Account/Manage"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        using var signedOut = await client.SubmitAsync("/Account/Logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/", signedOut.Headers.Location!.OriginalString);
        using var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
    }

    [Fact]
    public async Task The_account_pages_work_inside_an_institution_and_keep_its_name()
    {
        await factory.MemberAsync(factory.Institution, "inside@example.org", InstitutionRole.Learner);
        var client = factory.CreateBrowserLikeClient();

        foreach (var page in new[] { "/uni-north/Account/Login", "/uni-north/Account/Register", "/uni-north/Account/ForgotPassword" })
        {
            var document = await client.GetDocumentAsync(page);
            Assert.Equal("Northern University", document.QuerySelector("a.brand")!.TextContent.Trim());
            Assert.Equal("/uni-north/", document.QuerySelector("a.brand")!.GetAttribute("href"));
        }

        using var challenge = await client.GetAsync("/uni-north/Account/Manage");
        Assert.Equal("/uni-north/Account/Login?ReturnUrl=%2Funi-north%2FAccount%2FManage", challenge.Headers.Location!.PathAndQuery);

        using var signedIn = await TrySignInAsync(client, "inside@example.org", Seed.Password, "/uni-north/Account/Login");
        Assert.Equal("/uni-north/", signedIn.Headers.Location!.OriginalString);
        var manage = await client.GetDocumentAsync("/uni-north/Account/Manage");
        Assert.Equal("Northern University", manage.QuerySelector("a.brand")!.TextContent.Trim());
        Assert.Equal("/uni-north/Account/Manage/Password", manage.QuerySelector("nav.actions a[href$='/Password']")!.GetAttribute("href"));
        var home = await client.GetDocumentAsync("/uni-north/");
        Assert.Contains("You are learner here", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_links_from_inside_an_institution_lead_back_into_it()
    {
        await factory.UserAsync("forgetful-north@example.org");
        var client = factory.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/uni-north/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = "forgetful-north@example.org" });

        Assert.Equal("/uni-north/Account/CheckEmail?about=reset", response.Headers.Location!.OriginalString);
        var mail = await factory.Mail.WaitForMailToAsync("forgetful-north@example.org", "new password");
        // App:PublicBaseUrl (its default in tests) with the institution's prefix, not the request's host.
        Assert.StartsWith("http://localhost:5000/uni-north/Account/ResetPassword?code=", mail.LinkTo("/Account/ResetPassword"), StringComparison.Ordinal);
        Assert.Contains("Northern University", mail.Subject, StringComparison.Ordinal);
    }
}
