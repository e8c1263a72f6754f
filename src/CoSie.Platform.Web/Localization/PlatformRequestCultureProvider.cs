using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Localization;

// The language of a page: the person's account, else their pick from the language picker, else the first of their
// browser's languages that the platform speaks, else the institution's. Formats follow Locale's rule.
public sealed class PlatformRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var pseudo = httpContext.RequestServices.GetRequiredService<IOptions<LanguageOptions>>().Value.Pseudo;
        var language = PlatformLanguages.Find(httpContext.User.FindFirst(PlatformClaims.Language)?.Value, pseudo)
            ?? PlatformLanguages.Find(LanguageCookie.Read(httpContext.Request), pseudo)
            ?? BrowserLanguage(httpContext.Request, pseudo);
        var institution = httpContext.RequestServices.GetRequiredService<TenantContext>().Institution;
        var locale = Locale.For(language, httpContext.User.FindFirst(PlatformClaims.Culture)?.Value, institution?.DefaultCulture, pseudo);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(locale.Formats.Name, locale.Language.Name));
    }

    private static string? BrowserLanguage(HttpRequest request, bool pseudo)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        return accepted
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => PlatformLanguages.Find(l.Value.Value, pseudo))
            .FirstOrDefault(l => l is not null);
    }
}
