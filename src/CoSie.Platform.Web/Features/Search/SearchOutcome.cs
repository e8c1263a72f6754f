namespace CoSie.Platform.Web.Features.Search;

public enum SearchOutcome
{
    Done,
    // Nothing typed yet: the page shows the empty form.
    NoQuery,
    // Only punctuation and operators: there is no word to look for.
    NoWords,
    TooLong,
    // Not a member of this institution: nothing here to search.
    NotFound,
}
