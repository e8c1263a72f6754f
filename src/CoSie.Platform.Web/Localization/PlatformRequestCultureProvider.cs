using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Localization;

// Request localization's side of RequestLocale: every page's cultures.
public sealed class PlatformRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var pseudo = httpContext.RequestServices.GetRequiredService<IOptions<LanguageOptions>>().Value.Pseudo;
        var institution = httpContext.RequestServices.GetRequiredService<TenantContext>().Institution;
        var locale = RequestLocale.Of(httpContext, institution, pseudo);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(locale.Formats.Name, locale.Language.Name));
    }
}
