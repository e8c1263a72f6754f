using Microsoft.AspNetCore.Authentication;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// Sends the person to the provider: the handler fetches its discovery document (cached), and redirects with state,
// nonce and a PKCE challenge. A provider that is down or slow fails here, within the backchannel timeout.
public sealed class StartProviderSignIn(SsoRequest request, ILogger<StartProviderSignIn> logger)
{
    // The address at the provider to continue to, or why there is none. The handler's redirect is taken back and
    // handed to a page that continues there (_ContinueToProvider): the content security policy's form-action 'self'
    // would stop a browser from following a form's redirect to another origin.
    public async Task<(string? ProviderUrl, SignInRefusal? Refusal)> ChallengeAsync(HttpContext http, SignInProvider provider, string mode, string? returnUrl)
    {
        request.Provider = provider;
        var properties = new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/sso/complete" };
        properties.Items[SsoItems.Provider] = provider.Id.ToString("N");
        properties.Items[SsoItems.Institution] = provider.InstitutionId.ToString("N");
        properties.Items[SsoItems.Mode] = mode;
        properties.Items[SsoItems.ReturnUrl] = returnUrl;
        try
        {
            await http.ChallengeAsync(SsoPaths.Scheme, properties);
            var location = http.Response.Headers.Location.ToString();
            http.Response.Headers.Location = default;
            http.Response.StatusCode = StatusCodes.Status200OK;
            return (location, null);
        }
        catch (Exception ex) when (SignInRefusals.Classify(ex) == SignInRefusal.ProviderUnavailable && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Provider {ProviderId} ({Issuer}) of institution {InstitutionId} could not be reached to start a sign-in",
                provider.Id, provider.Issuer, provider.InstitutionId);
            return (null, SignInRefusal.ProviderUnavailable);
        }
    }
}
