using System.Net;
using AngleSharp.Html.Dom;

namespace CoSie.Platform.IntegrationTests.Infrastructure.Oidc;

// A browser's way through a provider sign-in: the button on the institution's sign-in page, the provider (a real
// HTTP server), and back through the app's callback, following each redirect by hand so that a test can stop at any.
public static class SsoBrowser
{
    // Presses "Sign in with …" and returns the app's answer: a page that continues to the provider, or a redirect to a
    // refusal.
    public static async Task<HttpResponseMessage> StartAsync(HttpClient app, string institutionSlug, Guid providerId)
    {
        var login = await app.GetDocumentAsync($"/{institutionSlug}/Account/Login");
        var form = login.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.GetAttribute("action")?.Contains(providerId.ToString(), StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"The sign-in page of {institutionSlug} has no button for provider {providerId}.");
        return await app.PostFormAsync($"/{institutionSlug}/Account/Login", form, new Dictionary<string, string>());
    }

    // The provider's answer to the authorization request: the redirect back to the app's callback.
    public static async Task<Uri> AtProviderAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUrl);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"The provider answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!;
    }

    // The whole way, to the app's last redirect: "/" (signed in), the link page, or the sign-in page with a refusal.
    public static async Task<string> SignInAsync(HttpClient app, string institutionSlug, Guid providerId)
    {
        using var started = await StartAsync(app, institutionSlug, providerId);
        if (started.StatusCode == HttpStatusCode.Redirect)
        {
            return started.Headers.Location!.PathAndQuery();
        }
        var callback = await AtProviderAsync(await ContinueToAsync(started));
        return await CallbackAsync(app, callback);
    }

    // The address a "continue to the provider" page sends the browser on to.
    public static async Task<Uri> ContinueToAsync(HttpResponseMessage page)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.ParseAsync();
        var link = document.QuerySelector("#continue-to-provider")?.GetAttribute("href")
            ?? throw new InvalidOperationException("The page does not continue to a provider.");
        Assert.NotNull(document.QuerySelector($"meta[http-equiv=refresh][content='0;url={link}']"));
        return new Uri(link);
    }

    public static async Task<string> CallbackAsync(HttpClient app, Uri callback)
    {
        using var answered = await app.GetAsync(callback.PathAndQuery);
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, $"The callback answered {(int)answered.StatusCode}");
        var next = answered.Headers.Location!.PathAndQuery();
        if (!next.EndsWith("/sso/complete", StringComparison.Ordinal))
        {
            return next;
        }
        using var completed = await app.GetAsync(next);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        return completed.Headers.Location!.PathAndQuery();
    }
}
