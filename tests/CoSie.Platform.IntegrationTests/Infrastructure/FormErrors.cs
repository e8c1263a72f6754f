using AngleSharp.Dom;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Reads what a re-rendered form says went wrong, as a person would see it.
public static class FormErrors
{
    public static string ErrorFor(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? string.Empty;

    public static string Summary(this IDocument page) =>
        page.QuerySelector(".error-summary")?.TextContent.Trim() ?? string.Empty;
}
