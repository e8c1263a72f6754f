using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The framework's OpenID Connect handler (code flow with PKCE, state, nonce, discovery and key refresh), with the
// options of the provider this request talks to.
public sealed class SsoHandler(SsoOptionsMonitor options, SsoRequest request, ILoggerFactory logger, HtmlEncoder htmlEncoder, UrlEncoder encoder)
    : OpenIdConnectHandler(options, logger, htmlEncoder, encoder)
{
    // Every request passes the authentication middleware; only a provider's own callback is this handler's.
    public override Task<bool> HandleRequestAsync() =>
        request.Provider is null ? Task.FromResult(false) : base.HandleRequestAsync();

    // The authentication middleware made this request's handler before the page named the provider, so its options
    // are read again now that the provider is known.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (request.Provider is null)
        {
            throw new InvalidOperationException("A sign-in through a provider needs SsoRequest.Provider set first (StartProviderSignIn).");
        }
        await InitializeAsync(Scheme, Context);
        await base.HandleChallengeAsync(properties);
    }
}
