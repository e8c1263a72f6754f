using System.Globalization;
using CoSie.Platform.Web.Hosting;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// Renders what one person reads in their own language, whoever's request sends it. IStringLocalizer reads
// CultureInfo.CurrentUICulture and offers no other way to be told a culture, so the rendering runs in a copy of the
// execution context whose cultures are the recipient's; the copy ends with the rendering, and the caller's
// CultureInfo.Current* are never changed.
public static class RecipientCulture
{
    public static CultureInfo For(string? accountCulture) =>
        CultureInfo.GetCultureInfo(PlatformCultures.IsSupported(accountCulture) ? accountCulture! : PlatformCultures.Default);

    public static T Render<T>(CultureInfo culture, Func<T> render)
    {
        var context = ExecutionContext.Capture() ?? throw new InvalidOperationException("The execution context does not flow here.");
        T result = default!;
        ExecutionContext.Run(context, _ =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            result = render();
        }, null);
        return result;
    }
}
