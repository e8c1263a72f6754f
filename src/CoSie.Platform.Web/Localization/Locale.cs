using System.Globalization;
using CoSie.Platform.Web.Hosting;

namespace CoSie.Platform.Web.Localization;

// The language a person reads and the formats their dates and numbers take: one rule for pages, mails and live
// updates. The language is theirs, else the institution's; the formats are the region they chose, else the
// institution's when it speaks their language (sv-FI stays sv-FI), else their language's usual ones.
public sealed record Locale(CultureInfo Language, CultureInfo Formats)
{
    public static Locale For(string? language, string? region, string? institutionCulture, bool pseudo = false)
    {
        var spoken = PlatformLanguages.Find(language, pseudo) ?? PlatformLanguages.Find(institutionCulture) ?? PlatformLanguages.Default;
        CultureInfo formats;
        if (PlatformCultures.Find(region) is { } chosen)
        {
            formats = CultureInfo.GetCultureInfo(chosen);
        }
        else if (PlatformCultures.Find(institutionCulture) is { } institutions && PlatformLanguages.Find(institutions) == spoken)
        {
            formats = CultureInfo.GetCultureInfo(institutions);
        }
        else
        {
            formats = PlatformLanguages.FormatsOf(spoken);
        }
        return new Locale(CultureInfo.GetCultureInfo(spoken), formats);
    }

    // Renders what one person reads in their own language, whoever's request or job sends it. IStringLocalizer reads
    // CultureInfo.CurrentUICulture and offers no other way to be told a culture, so the rendering runs in a copy of
    // the execution context whose cultures are this locale's; the copy ends with the rendering, and the caller's
    // CultureInfo.Current* are never changed.
    public T Render<T>(Func<T> render)
    {
        var context = ExecutionContext.Capture() ?? throw new InvalidOperationException("The execution context does not flow here.");
        T result = default!;
        ExecutionContext.Run(context, _ =>
        {
            CultureInfo.CurrentCulture = Formats;
            CultureInfo.CurrentUICulture = Language;
            result = render();
        }, null);
        return result;
    }
}
