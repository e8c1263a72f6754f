namespace CoSie.Platform.Web.Features.Search;

// A page of results, how many there are in all, and whether the words were matched exactly or, having found nothing,
// by similarity (typos). Scope carries the choices for the filters; Modules the modules and prompts to choose from.
public sealed record SearchResult(
    SearchOutcome Outcome,
    SearchScope? Scope,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    bool Approximate,
    IReadOnlyList<SearchModuleChoice> Modules)
{
    // So many matches that only the first SearchDiscussions.MaxRanked of each kind were ranked: "at least" that many.
    public bool Capped => Total >= SearchDiscussions.MaxRanked;

    public static SearchResult Refused(SearchOutcome outcome, SearchScope? scope = null, IReadOnlyList<SearchModuleChoice>? modules = null) =>
        new(outcome, scope, [], 0, false, modules ?? []);
}
