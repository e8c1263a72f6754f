using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Localization;

// The language of a request: the person's account, else their pick from the language picker, else the first of their
// browser's languages that the platform speaks, else the institution's. Formats follow Locale's rule. Pages get it
// through request localization; a live connection, whose later calls carry no request of their own, asks here.
public static class RequestLocale
{
    public static Locale Of(HttpContext context, InstitutionInfo? institution, bool pseudo)
    {
        var language = PlatformLanguages.Find(context.User.FindFirst(PlatformClaims.Language)?.Value, pseudo)
            ?? PlatformLanguages.Find(LanguageCookie.Read(context.Request), pseudo)
            ?? BrowserLanguage(context.Request, pseudo);
        return Locale.For(language, context.User.FindFirst(PlatformClaims.Culture)?.Value, institution?.DefaultCulture, pseudo);
    }

    private static string? BrowserLanguage(HttpRequest request, bool pseudo) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => PlatformLanguages.Find(l.Value.Value, pseudo))
            .FirstOrDefault(l => l is not null);
}
