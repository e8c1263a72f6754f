using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Signs a client in without the login page: the app's own claims factory and cookie protector build the same
// cosie.session cookie a real sign-in would, and the real cookie handler reads it on every request.
public static class TestSignIn
{
    public static async Task AuthenticateAs(this HttpClient client, PlatformFactory factory, PlatformUser user)
    {
        var cookie = await factory.WithServicesAsync(async services =>
        {
            var signIn = services.GetRequiredService<SignInManager<PlatformUser>>();
            var fresh = await signIn.UserManager.FindByIdAsync(user.Id.ToString()) ?? user;
            var principal = await signIn.CreateUserPrincipalAsync(fresh);
            var now = factory.Clock.GetUtcNow();
            var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) };
            var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
            var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
        });
        client.DefaultRequestHeaders.Remove("Cookie");
        client.DefaultRequestHeaders.Add("Cookie", cookie);
    }
}
