namespace CoSie.Platform.Web.Features.Courses.Import;

internal sealed record ExtractedContent(
    string BodyHtml,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<LiteratureReference> Literature);
