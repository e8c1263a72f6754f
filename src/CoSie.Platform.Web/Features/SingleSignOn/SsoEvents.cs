using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The platform's own checks on a provider's answer, and where a failed sign-in goes. Options are shared across
// requests, so each event takes what it needs from the request's services.
public static class SsoEvents
{
    public static OpenIdConnectEvents Create() => new()
    {
        OnTokenValidated = TokenValidatedAsync,
        OnRemoteFailure = RemoteFailureAsync,
    };

    private static Task TokenValidatedAsync(TokenValidatedContext context)
    {
        var provider = context.HttpContext.RequestServices.GetRequiredService<SsoRequest>().Provider;
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        // The state is the platform's own, but its provider and institution must be the ones of this callback.
        if (provider is null || !tenant.HasInstitution || provider.InstitutionId != tenant.Required.Id
            || SsoItems.Read(context.Properties, SsoItems.Provider) != provider.Id.ToString("N")
            || SsoItems.Read(context.Properties, SsoItems.Institution) != tenant.Required.Id.ToString("N"))
        {
            context.Fail(new SignInRefusedException(SignInRefusal.StateMismatch));
            return Task.CompletedTask;
        }
        if (SsoItems.Read(context.Properties, SsoItems.Mode) == SsoItems.TestMode)
        {
            // The admin's test shows whatever came; the verdict is shown beside it.
            return Task.CompletedTask;
        }
        if (!provider.IsEnabled)
        {
            context.Fail(new SignInRefusedException(SignInRefusal.ProviderDisabled));
            return Task.CompletedTask;
        }
        if (ProviderClaims.Read(provider, context.Principal!).Judge(provider) is { } refusal)
        {
            context.Fail(new SignInRefusedException(refusal));
        }
        return Task.CompletedTask;
    }

    private static Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var services = context.HttpContext.RequestServices;
        var provider = services.GetRequiredService<SsoRequest>().Provider;
        var refusal = SignInRefusals.Classify(context.Failure);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CoSie.Platform.Web.Features.SingleSignOn");
        logger.LogWarning(context.Failure,
            "Sign-in through provider {ProviderId} ({Issuer}) of institution {InstitutionId} refused: {Refusal}",
            provider?.Id, provider?.Issuer, provider?.InstitutionId, refusal);
        var basePath = context.Request.PathBase;
        var test = SsoItems.Read(context.Properties, SsoItems.Mode) == SsoItems.TestMode;
        context.Response.Redirect(test && provider is not null
            ? $"{basePath}/sso/providers/{provider.Id}/test?refusal={refusal}"
            : $"{basePath}/Account/Login?sso={refusal}");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
