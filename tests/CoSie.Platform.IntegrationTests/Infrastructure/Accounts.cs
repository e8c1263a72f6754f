using System.Net;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

public static class Accounts
{
    // Signs in through the real Login form; the client must not follow redirects (CreateBrowserLikeClient).
    public static async Task SignInAsync(this HttpClient client, string email, string password = Seed.Password)
    {
        using var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await response.ParseAsync();
            var error = page.QuerySelector(".error-summary")?.TextContent.Trim();
            Assert.Fail($"Signing in as {email} answered {(int)response.StatusCode} instead of a redirect: {error ?? Forms.Excerpt(page.Body?.TextContent ?? string.Empty)}");
        }
    }

    public static Task<PlatformUser?> FindUserAsync(this PlatformFactory factory, string email) =>
        factory.WithServicesAsync(services => services.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email));

    public static Task UpdateUserAsync(this PlatformFactory factory, string email, Action<PlatformUser> change) =>
        factory.WithServicesAsync<bool>(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            change(user);
            var result = await users.UpdateAsync(user);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return true;
        });
}
