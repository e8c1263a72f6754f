using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Account;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Account;

// The account forms share one budget per client address. Each test comes from an address of its own (forwarded, as a
// trusted proxy would), so the budgets of the tests do not mix.
public sealed class AccountFloodTests(AccountFloodTests.Factory factory) : IClassFixture<AccountFloodTests.Factory>
{
    private const int PerMinute = 5;

    // A budget far below the default, so that a flood is a handful of requests.
    public sealed class Factory : PlatformFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:AccountFormsPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private HttpClient ClientFrom(string address)
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task SpendBudgetAsync(HttpClient client)
    {
        for (var i = 0; i < PerMinute; i++)
        {
            using var attempt = await SignInAsync(client, $"nobody-{i}@flood.test", "not anyone's password");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
    }

    private static async Task AssertSlowDownAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a Retry-After in seconds");
        Assert.Equal("Slow down", (await response.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_budget_get_slow_down_with_Retry_After_and_count_no_failure()
    {
        await factory.UserAsync("sprayed@flood.test");
        var flooder = ClientFrom("203.0.113.10");
        await SpendBudgetAsync(flooder);

        using var refused = await SignInAsync(flooder, "sprayed@flood.test", "a wrong guess");

        await AssertSlowDownAsync(refused);
        Assert.Equal(0, (await factory.FindUserAsync("sprayed@flood.test"))!.AccessFailedCount);
        // Opening the form costs nothing, also over the budget; another address has its own budget.
        using var form = await flooder.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        await ClientFrom("198.51.100.20").SignInAsync("sprayed@flood.test");
    }

    [Fact]
    public async Task Registration_reset_and_confirmation_forms_share_the_budget_and_a_refusal_sends_and_changes_nothing()
    {
        await factory.UserAsync("forgetful@flood.test");
        await factory.UserAsync("unconfirmed@flood.test", confirmed: false);
        var token = await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            return AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync("forgetful@flood.test"))!));
        });
        var flooder = ClientFrom("203.0.113.11");
        await SpendBudgetAsync(flooder);
        var mailBefore = factory.Mail.Messages.Count;
        var usersBefore = await factory.WithServicesAsync(services => services.GetRequiredService<UserManager<PlatformUser>>().Users.CountAsync());

        using (var register = await flooder.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "newcomer@flood.test",
            ["Input.DisplayName"] = "New Comer",
            ["Input.Password"] = "seven tired owls at dawn",
            ["Input.ConfirmPassword"] = "seven tired owls at dawn",
        }))
        {
            await AssertSlowDownAsync(register);
        }
        using (var forgot = await flooder.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "forgetful@flood.test" }))
        {
            await AssertSlowDownAsync(forgot);
        }
        using (var resend = await flooder.SubmitAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Input.Email"] = "unconfirmed@flood.test" }))
        {
            await AssertSlowDownAsync(resend);
        }
        var resetUrl = $"/Account/ResetPassword?code={token}";
        var resetValues = new Dictionary<string, string>
        {
            ["Input.Email"] = "forgetful@flood.test",
            ["Input.Password"] = "another quiet morning walk",
            ["Input.ConfirmPassword"] = "another quiet morning walk",
        };
        using (var reset = await flooder.SubmitAsync(resetUrl, resetValues))
        {
            await AssertSlowDownAsync(reset);
        }

        Assert.Null(await factory.FindUserAsync("newcomer@flood.test"));
        Assert.Equal(usersBefore, await factory.WithServicesAsync(services => services.GetRequiredService<UserManager<PlatformUser>>().Users.CountAsync()));
        Assert.Equal(mailBefore, factory.Mail.Messages.Count);
        // The refused reset left the old password, and its link still works from an address with budget left.
        var elsewhere = ClientFrom("198.51.100.21");
        await elsewhere.SignInAsync("forgetful@flood.test");
        using var accepted = await elsewhere.SubmitAsync(resetUrl, resetValues);
        Assert.Equal("/Account/Login", accepted.Headers.Location?.OriginalString);
    }

    // Institution prefixed account pages are the same pages, with the same budget.
    [Fact]
    public async Task The_institution_prefixed_sign_in_shares_the_budget()
    {
        var institution = await factory.InstitutionAsync("flood-uni", "Flood University");
        var flooder = ClientFrom("203.0.113.12");
        await SpendBudgetAsync(flooder);

        using var refused = await flooder.SubmitAsync($"/{institution.Slug}/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@flood.test",
            ["Input.Password"] = "not anyone's password",
        });

        await AssertSlowDownAsync(refused);
        Assert.Contains("Flood University", (await refused.ParseAsync()).QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }
}
