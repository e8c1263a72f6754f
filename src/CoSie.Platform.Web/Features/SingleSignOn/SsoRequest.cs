namespace CoSie.Platform.Web.Features.SingleSignOn;

// The provider this request talks to, set before the handler runs: by the page that starts a sign-in, or by
// SsoCallbackMiddleware from the callback's address. Without one the handler leaves the request alone.
public sealed class SsoRequest
{
    public SignInProvider? Provider { get; set; }
}
