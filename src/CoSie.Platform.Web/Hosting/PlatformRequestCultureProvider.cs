using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Localization;

namespace CoSie.Platform.Web.Hosting;

// The person's own choice first, else the institution's default; the browser's Accept-Language comes after.
public sealed class PlatformRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var chosen = httpContext.User.FindFirst(PlatformClaims.Culture)?.Value;
        if (PlatformCultures.IsSupported(chosen))
        {
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(chosen));
        }
        var institution = httpContext.RequestServices.GetRequiredService<TenantContext>().Institution;
        if (institution is not null && PlatformCultures.IsSupported(institution.DefaultCulture))
        {
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(institution.DefaultCulture));
        }
        return NullProviderCultureResult;
    }
}
