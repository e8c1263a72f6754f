namespace CoSie.Platform.Web.Features.Courses.Import;

public sealed record ImportedModule(
    string Title,
    string Slug,
    string BodyHtml,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<LiteratureReference> Literature,
    string SourceKind,
    string? SourceUrl,
    string? SourceId,
    string? Summary = null,
    string? SourceSiteBaseUrl = null)
{
    // What the import dropped or changed on this page, for the preview.
    public IReadOnlyList<ImportNote> Notes { get; init; } = [];
}
