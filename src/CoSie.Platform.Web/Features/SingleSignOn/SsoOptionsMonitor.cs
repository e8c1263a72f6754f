using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The one "sso" scheme's options are those of the provider this request talks to, so that any number of providers,
// added and changed at run time on any instance, need no scheme registration of their own.
public sealed class SsoOptionsMonitor(SsoRequest request, ProviderOptionsCache cache) : IOptionsMonitor<OpenIdConnectOptions>
{
    public OpenIdConnectOptions CurrentValue => Get(Options.DefaultName);

    public OpenIdConnectOptions Get(string? name) => request.Provider is { } provider ? cache.For(provider) : cache.Inert;

    public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
}
