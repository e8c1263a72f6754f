namespace CoSie.Platform.Web.Features.Courses.Import;

internal sealed record ModuleSource(
    string Kind,
    string Title,
    bool TitleIsHtml,
    string? Slug,
    string Body,
    string? SourceUrl,
    string? SourceId,
    string? SiteBaseUrl,
    string? Summary,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Literature,
    bool IsProtected = false,
    string? PostType = null);
