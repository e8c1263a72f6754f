using System.Net;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// A client holding a real Identity session cookie, minted with the app's own cookie settings, for tests whose
// subject is not the sign-in page itself (that page has its own tests). Redirects are not followed.
public static class TestSignIn
{
    public static async Task<HttpClient> CreateClientAsAsync(this PlatformFactory factory, PlatformUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PlatformUser>>();
        var fresh = await signIn.UserManager.FindByIdAsync(user.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
        var principal = await signIn.CreateUserPrincipalAsync(fresh);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties
        {
            IssuedUtc = factory.Clock.GetUtcNow(),
            ExpiresUtc = factory.Clock.GetUtcNow().AddHours(8),
        }, IdentityConstants.ApplicationScheme);

        var baseAddress = new Uri("http://localhost/");
        var cookies = new CookieContainer();
        cookies.Add(baseAddress, new Cookie(options.Cookie.Name!, options.TicketDataFormat.Protect(ticket), "/"));
        return factory.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
    }
}
