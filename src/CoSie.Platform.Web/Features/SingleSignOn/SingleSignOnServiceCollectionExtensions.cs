using CoSie.Platform.Web.Features.SingleSignOn.Admin;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CoSie.Platform.Web.Features.SingleSignOn;

public static class SingleSignOnServiceCollectionExtensions
{
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SingleSignOnSettings>().Bind(configuration.GetSection(SingleSignOnSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        // One scheme for every institution's providers; SsoOptionsMonitor gives it the options of the request's provider.
        services.AddAuthentication().AddScheme<OpenIdConnectOptions, SsoHandler>(SsoPaths.Scheme, displayName: null, _ => { });
        services.AddSingleton<ProviderSecrets>();
        services.AddSingleton<ProviderOptionsCache>();
        services.AddScoped<SsoRequest>();
        services.AddScoped<SsoOptionsMonitor>();
        services.AddScoped<StartProviderSignIn>();
        services.AddScoped<CompleteProviderSignIn>();
        services.AddSingleton<ProviderLinkTokens>();
        services.AddScoped<LinkByMail>();
        services.AddScoped<ProviderCohorts>();
        services.AddScoped<ProviderSignOut>();
        services.AddScoped<SignInChoices>();
        services.AddScoped<SaveProvider>();
        return services;
    }

    // Before authentication: a callback's provider is known before the handler reads the callback.
    public static IApplicationBuilder UseSingleSignOnCallbacks(this IApplicationBuilder app) => app.UseMiddleware<SsoCallbackMiddleware>();
}
