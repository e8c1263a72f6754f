namespace CoSie.Platform.Web.Localization;

// A visitor's choice from the language picker; a signed-in person's is kept in their account as well.
public static class LanguageCookie
{
    public const string Name = "cosie-language";

    public static void Write(HttpResponse response, string language) =>
        response.Cookies.Append(Name, language, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
        });

    public static string? Read(HttpRequest request) => request.Cookies[Name];
}
