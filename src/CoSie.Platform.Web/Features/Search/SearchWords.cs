using NpgsqlTypes;

namespace CoSie.Platform.Web.Features.Search;

// The words of a search as PostgreSQL parses them (cosie_search_query, migration SpeedUpDiscussionSearch): read by the
// search's first statement (SearchDiscussions) and sent back to the results statement as a parameter. That statement
// is planned for its parameters' values, so PostgreSQL still weighs how common the words are, without parsing them in
// eight configurations once for every place the statement uses them.
public static class SearchWords
{
    public static NpgsqlTsQuery? Parse(string words) =>
        throw new InvalidOperationException("SearchWords.Parse runs in PostgreSQL, inside a query.");

    public static void Map(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(SearchWords).GetMethod(nameof(Parse))!).HasName("cosie_search_query");
}
