namespace CoSie.Platform.Web.Features.Search;

// A row of SearchSql, as PostgreSQL returns it (its columns in snake case: EF Core's naming convention maps them to
// these properties); SearchDiscussions turns it into a SearchHit.
public sealed class SearchRow
{
    public string Kind { get; set; } = string.Empty;
    public Guid Id { get; set; }
    public Guid? CohortId { get; set; }
    public string? CohortName { get; set; }
    public Guid? ReflectionId { get; set; }
    public Guid? PromptId { get; set; }
    public string? PromptText { get; set; }
    public string ModuleTitle { get; set; } = string.Empty;
    public string CourseSlug { get; set; } = string.Empty;
    public string ModuleSlug { get; set; } = string.Empty;
    public string? Language { get; set; }
    public string? AuthorName { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? Status { get; set; }
    public string Snippet { get; set; } = string.Empty;
    public long Total { get; set; }
}
