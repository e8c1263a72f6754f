using System.Diagnostics;
using System.Globalization;
using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class StatusModel(IStringLocalizer<StatusModel> localizer) : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string Explanation { get; private set; } = string.Empty;
    public string? RequestId { get; private set; }

    public void OnGet() => Describe(RouteCode());

    // Re-executed error requests keep the original method, so a failed POST lands here too. The code is read from the
    // route by hand, with no parameter to bind: binding reads the form, and the form of the request being answered may
    // be the very thing that failed (too large, too many fields, a broken multipart body). A failed read made the code
    // 0 and so a 500, with nothing logged.
    public void OnPost() => Describe(RouteCode());

    private int RouteCode() =>
        int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : StatusCodes.Status404NotFound;

    private void Describe(int code)
    {
        // The exception handler re-executes /Errors/500 for every exception, having chosen the status already: a body
        // cut off at the limit is a 413, an unreadable form a 400, the database being away a 503.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null && Response.StatusCode is >= 400 and < 500 or StatusCodes.Status503ServiceUnavailable)
        {
            code = Response.StatusCode;
            if (code == StatusCodes.Status503ServiceUnavailable)
            {
                // The database is away (DatabaseOutage). Nothing here may need it.
                Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
        }
        (Title, Explanation) = code switch
        {
            503 => (localizer["Temporarily unavailable"].Value, localizer["The platform cannot reach its database just now. Please try again in a moment."].Value),
            404 => (localizer["Page not found"].Value, localizer["There is nothing at this address. It may have moved, or you may not have access to it."].Value),
            403 => (localizer["Not allowed"].Value, localizer["Your account cannot open this page."].Value),
            400 => (localizer["Bad request"].Value, localizer["The request could not be understood. Go back and try again."].Value),
            413 => (localizer["Too large"].Value, localizer["What you sent is larger than the platform accepts. Send a smaller file or a shorter text."].Value),
            429 => (localizer["Slow down"].Value, localizer["Too many requests in a short time. Wait a moment and try again."].Value),
            _ when code >= 500 => (localizer["Something went wrong"].Value, localizer["The error has been logged. Please try again in a moment."].Value),
            _ => (localizer["Something went wrong"].Value, localizer["The request could not be completed."].Value),
        };
        if (code == StatusCodes.Status400BadRequest && HttpContext.Items[PlainText.RefusedField] is string field)
        {
            Explanation = localizer["{field} holds a line break, a control character or a text-direction mark that cannot be used there. Go back, remove it and try again.", field].Value;
        }
        if (code >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
    }
}
