using CoSie.Platform.Web.Features.Search;

namespace CoSie.Platform.Tests.Search;

// How a query is split into wanted and left-out words; SearchTests compares the split with PostgreSQL's own reading of
// generated queries.
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("quayside -printed", "quayside", "printed")]
    [InlineData("quayside - printed", "quayside", "printed")]
    [InlineData("-printed quayside", "quayside", "printed")]
    [InlineData("x -\"printed matter\" y", "x y", "\"printed matter\"")]
    [InlineData("\"ab cd\"-x", "\"ab cd\"", "x")]
    [InlineData("co-creation -print-shop", "co-creation", "print-shop")]
    [InlineData("(-x) y", "y", "x")]
    [InlineData("k!-b", "k", "b")]
    [InlineData("k<-b", "k", "b")]
    [InlineData("--x y", "x y", null)]
    [InlineData("k -- -b", "k", "b")]
    [InlineData("\"k -b\" c", "\"k -b\" c", null)]
    [InlineData("k -\"b", "k", "\"b")]
    [InlineData("k -", "k", null)]
    [InlineData("-a -b", "", "a or b")]
    public void A_minus_at_the_start_of_a_word_or_phrase_leaves_it_out(string query, string wanted, string? unwanted)
    {
        var terms = SearchTerms.Read(query);

        Assert.Equal(wanted, terms.Wanted);
        Assert.Equal(unwanted, terms.Unwanted);
    }

    [Theory]
    [InlineData("manager or pilot", "manager or pilot", null)]
    [InlineData("manager OR pilot -budget", "manager or pilot", "budget")]
    [InlineData("manager or -pilot", "manager", "pilot")]
    [InlineData("manager -pilot or lead", "manager or lead", "pilot")]
    [InlineData("manager or", "manager \"or\"", null)]
    [InlineData("or manager", "\"or\" manager", null)]
    [InlineData("manager orbit", "manager \"orbit\"", null)]
    [InlineData("manager or-bit", "manager \"or-bit\"", null)]
    [InlineData("manager | or lead", "manager or lead", null)]
    [InlineData("manager . or lead", "manager . or lead", null)]
    [InlineData("(or manager", "\"or\" manager", null)]
    public void Or_between_words_accepts_either_and_never_undoes_a_minus(string query, string wanted, string? unwanted)
    {
        var terms = SearchTerms.Read(query);

        Assert.Equal(wanted, terms.Wanted);
        Assert.Equal(unwanted, terms.Unwanted);
    }

    [Fact]
    public void Close_matches_look_for_the_wanted_words_only_without_quotes_or_operators()
    {
        var terms = SearchTerms.Read("\"quayside ferry\" or manger -pilot");

        Assert.Equal("quayside ferry manger", terms.Similar);
    }

    [Fact]
    public void Quotes_backslashes_and_colons_of_the_tsquery_syntax_are_read_as_spaces()
    {
        var terms = SearchTerms.Read("don't a\\-b c:-d");

        Assert.Equal("don t a -b c -d", terms.AsRead);
        Assert.Equal("don t a c", terms.Wanted);
        Assert.Equal("b or d", terms.Unwanted);
    }
}
