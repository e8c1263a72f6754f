namespace CoSie.Platform.Web.Features.Search;

// One result. Snippet is plain text in which SearchSnippet.Start and End enclose the words that matched; the page
// encodes it and turns those marks into <mark>. Language is the content's own (the module's), for its lang attribute.
public sealed record SearchHit(
    SearchHitKind Kind,
    Guid Id,
    Guid? CohortId,
    string? CohortName,
    Guid? ReflectionId,
    Guid? PromptId,
    string? PromptText,
    string ModuleTitle,
    string CourseSlug,
    string ModuleSlug,
    string? Language,
    string? AuthorName,
    DateTimeOffset? CreatedAt,
    PostStatus? Status,
    string Snippet);
