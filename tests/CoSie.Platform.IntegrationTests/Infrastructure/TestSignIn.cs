using System.Net;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Signs a client in without the login page, for tests whose subject is not the sign-in page itself (that page
// has its own tests): the app's own claims factory and cookie protector build the same cosie.session cookie a
// real sign-in would, and the real cookie handler reads it on every request.
public static class TestSignIn
{
    // A new client that holds the session cookie in its cookie container; redirects are not followed.
    public static async Task<HttpClient> CreateClientAsAsync(this PlatformFactory factory, PlatformUser user)
    {
        var (name, value) = await MintAsync(factory, user);
        var baseAddress = new Uri("http://localhost/");
        var cookies = new CookieContainer();
        cookies.Add(baseAddress, new Cookie(name, value, "/"));
        return factory.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
    }

    // A client like a browser's (cookies kept, redirects left to the test), signed in as the person.
    public static async Task<HttpClient> CreateBrowserLikeClientAsAsync(this PlatformFactory factory, PlatformUser user)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.AuthenticateAs(factory, user);
        return client;
    }

    public const string PlatformAdminEmail = "root@platform.test";

    // The platform admin of a test app (PlatformAdminEmail, made on first use).
    public static async Task<PlatformUser> PlatformAdminAsync(this PlatformFactory factory) =>
        await factory.FindUserAsync(PlatformAdminEmail) ?? await factory.UserAsync(PlatformAdminEmail, platformAdmin: true);

    // A browser-like client signed in as the platform admin.
    public static async Task<HttpClient> PlatformAdminClientAsync(this PlatformFactory factory) =>
        await factory.CreateBrowserLikeClientAsAsync(await factory.PlatformAdminAsync());

    // Signs an existing client in by header.
    public static async Task AuthenticateAs(this HttpClient client, PlatformFactory factory, PlatformUser user)
    {
        var (name, value) = await MintAsync(factory, user);
        client.DefaultRequestHeaders.Remove("Cookie");
        client.DefaultRequestHeaders.Add("Cookie", $"{name}={value}");
    }

    // The Cookie header value of a session, for clients that are not HttpClients (a SignalR connection).
    public static async Task<string> SessionCookieHeaderAsync(this PlatformFactory factory, PlatformUser user)
    {
        var (name, value) = await MintAsync(factory, user);
        return $"{name}={value}";
    }

    // A client of its own for an app on a real port, as one person's browser is: its own connections, the person's
    // session cookie, and redirects left to the test.
    public static async Task<HttpClient> CreateRealPortClientAsAsync(this PlatformFactory factory, Uri server, PlatformUser user)
    {
        var (name, value) = await MintAsync(factory, user);
        var cookies = new CookieContainer();
        cookies.Add(server, new Cookie(name, value, "/"));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server };
    }

    private static Task<(string Name, string Value)> MintAsync(PlatformFactory factory, PlatformUser user) =>
        factory.WithServicesAsync(async services =>
        {
            var signIn = services.GetRequiredService<SignInManager<PlatformUser>>();
            var fresh = await signIn.UserManager.FindByIdAsync(user.Id.ToString()) ?? user;
            var principal = await signIn.CreateUserPrincipalAsync(fresh);
            var now = factory.Clock.GetUtcNow();
            var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) };
            var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
            var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            return (options.Cookie.Name!, options.TicketDataFormat.Protect(ticket));
        });
}
