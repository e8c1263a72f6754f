using NpgsqlTypes;

namespace CoSie.Platform.Web.Features.Search;

// A search's terms (SearchTerms) as PostgreSQL parsed them (SearchWords): every reading of the wanted words, and every
// reading of the words a minus leaves out. Null where there is nothing of the kind to look for.
public readonly record struct ParsedSearchWords(NpgsqlTsQuery? Wanted, NpgsqlTsQuery? Unwanted)
{
    // What the results statement matches: some reading of the wanted words, and no reading of the unwanted ones.
    public NpgsqlTsQuery? Matching => (Wanted, Unwanted) switch
    {
        (null, null) => null,
        ({ } wanted, null) => wanted,
        (null, { } unwanted) => new NpgsqlTsQueryNot(unwanted),
        ({ } wanted, { } unwanted) => new NpgsqlTsQueryAnd(wanted, new NpgsqlTsQueryNot(unwanted)),
    };
}
