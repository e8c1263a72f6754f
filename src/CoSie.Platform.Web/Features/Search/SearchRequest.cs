namespace CoSie.Platform.Web.Features.Search;

// What the person asked for: the words, and the filters of the results page. From and To are instants (the page
// turns the person's dates into them in their time zone); To is exclusive.
public sealed record SearchRequest(
    string? Query,
    Guid? CohortId = null,
    Guid? ModuleId = null,
    Guid? PromptId = null,
    string? Author = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool Mine = false,
    int Page = 1)
{
    // Filters that only posts have: with any of them, prompts and module texts are left out of the results.
    public bool PostsOnly => !string.IsNullOrWhiteSpace(Author) || From is not null || To is not null || Mine;
}
