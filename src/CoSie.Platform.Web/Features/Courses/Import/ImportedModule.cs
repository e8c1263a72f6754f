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
    // Why each prompt was found, worded for the preview; by index of Prompts.
    public IReadOnlyList<string> PromptReasons { get; init; } = [];

    // What the import took out of the page or deliberately left alone, worded for the preview.
    public IReadOnlyList<string> ContentNotes { get; init; } = [];

    // The WordPress post type ("page", "sfwd-lessons"), when the source names one.
    public string? PostType { get; init; }

    // What the import dropped or changed on this page, for the preview.
    public IReadOnlyList<ImportNote> Notes { get; init; } = [];
}
