using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Account;

public sealed class PasswordResetTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const string NewPassword = "seven tired owls at dawn";

    [Fact]
    public async Task Forgot_password_mails_a_link_that_sets_a_new_password()
    {
        await factory.UserAsync("forgetful@example.org");
        var client = factory.CreateBrowserLikeClient();

        using var asked = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "forgetful@example.org" });
        Assert.Equal("/Account/CheckEmail?about=reset", asked.Headers.Location!.OriginalString);
        var mail = await factory.Mail.WaitForMailToAsync("forgetful@example.org", "new password");
        var link = mail.LinkTo("/Account/ResetPassword");

        using var reset = await client.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = "forgetful@example.org",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/Login", reset.Headers.Location!.OriginalString);
        var login = await client.GetDocumentAsync("/Account/Login");
        Assert.Contains("Your password has been changed", login.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        using var old = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "forgetful@example.org",
            ["Input.Password"] = Seed.Password,
        });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await client.SignInAsync("forgetful@example.org", NewPassword);
    }

    [Fact]
    public async Task A_reset_link_works_once()
    {
        await factory.UserAsync("twice@example.org");
        var client = factory.CreateBrowserLikeClient();
        using var asked = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "twice@example.org" });
        var link = (await factory.Mail.WaitForMailToAsync("twice@example.org", "new password")).LinkTo("/Account/ResetPassword");
        var values = new Dictionary<string, string>
        {
            ["Input.Email"] = "twice@example.org",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        };
        using var first = await client.SubmitAsync(link, values);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        values["Input.Password"] = values["Input.ConfirmPassword"] = "another quiet morning walk";
        using var second = await client.SubmitAsync(link, values);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.StartsWith("This link does not work", (await second.ParseAsync()).QuerySelector(".error-summary")!.TextContent.Trim(), StringComparison.Ordinal);
        await client.SignInAsync("twice@example.org", NewPassword);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_and_unconfirmed_addresses_and_mails_them_nothing()
    {
        await factory.UserAsync("unconfirmed-reset@example.org", confirmed: false);
        var client = factory.CreateBrowserLikeClient();

        using var unknown = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "nobody-here@example.org" });
        using var unconfirmed = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "unconfirmed-reset@example.org" });

        Assert.Equal("/Account/CheckEmail?about=reset", unknown.Headers.Location!.OriginalString);
        Assert.Equal(unknown.Headers.Location, unconfirmed.Headers.Location);
        await Task.Delay(200);
        Assert.DoesNotContain(factory.Mail.Messages, m => m.To.Mailboxes.Any(b => b.Address is "nobody-here@example.org" or "unconfirmed-reset@example.org"));
    }

    [Fact]
    public async Task A_reset_for_another_address_than_the_link_was_sent_to_does_nothing()
    {
        await factory.UserAsync("victim@example.org");
        await factory.UserAsync("attacker@example.org");
        var client = factory.CreateBrowserLikeClient();
        using var asked = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "attacker@example.org" });
        var link = (await factory.Mail.WaitForMailToAsync("attacker@example.org", "new password")).LinkTo("/Account/ResetPassword");

        using var response = await client.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = "victim@example.org",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await client.SignInAsync("victim@example.org");
    }
}
