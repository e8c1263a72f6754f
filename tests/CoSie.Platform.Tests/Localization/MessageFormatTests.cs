using System.Globalization;
using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Tests.Localization;

public sealed class MessageFormatTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    private const string Files = "{count, plural, one {# file} other {# files}}";
    private const string PolishFiles = "{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}";

    // The party invitation of the ICU user guide ("Formatting Messages", Complex Argument Types), its female branch.
    private const string Party =
        "{num_guests, plural, offset:1 "
        + "=0 {{host} does not give a party.}"
        + "=1 {{host} invites {guest} to her party.}"
        + "=2 {{host} invites {guest} and one other person to her party.}"
        + "other {{host} invites {guest} and # other people to her party.}}";

    [Theory]
    [InlineData(0, "Ann does not give a party.")]
    [InlineData(1, "Ann invites Bea to her party.")]
    [InlineData(2, "Ann invites Bea and one other person to her party.")]
    [InlineData(5, "Ann invites Bea and 4 other people to her party.")]
    public void The_user_guide_party_invitation_reads_as_icu_formats_it(int guests, string expected) =>
        Assert.Equal(expected, MessageFormat.Format(Party, English, [guests, "Ann", "Bea"]));

    [Fact]
    public void The_user_guide_quoting_example_keeps_its_braces_and_apostrophe() =>
        Assert.Equal("This {isn't} obvious", MessageFormat.Format("This '{isn''t}' obvious", English, []));

    // The disk example of the ICU MessageFormat API documentation.
    [Theory]
    [InlineData(0, "There are no files on disk \"MyDisk\".")]
    [InlineData(1, "There is one file on disk \"MyDisk\".")]
    [InlineData(1234, "There are 1,234 files on disk \"MyDisk\".")]
    public void The_api_documentation_disk_example_picks_exact_values_first(int files, string expected)
    {
        const string pattern = "{num_files, plural, "
            + "=0{There are no files on disk \"{disk_name}\".}"
            + "=1{There is one file on disk \"{disk_name}\".}"
            + "other{There are # files on disk \"{disk_name}\".}}";
        Assert.Equal(expected, MessageFormat.Format(pattern, English, [files, "MyDisk"]));
    }

    [Theory]
    [InlineData(1, "1 file")]
    [InlineData(0, "0 files")]
    [InlineData(2, "2 files")]
    [InlineData(1000000, "1,000,000 files")]
    public void English_has_one_and_other(int count, string expected) =>
        Assert.Equal(expected, MessageFormat.Format(Files, English, [count]));

    [Fact]
    public void A_decimal_prints_its_own_fraction_digits_and_one_point_zero_is_plural()
    {
        Assert.Equal("1.0 files", MessageFormat.Format(Files, English, [1.0m]));
        Assert.Equal("1,234.50 files", MessageFormat.Format(Files, English, [1234.50m]));
        Assert.Equal("2.5 files", MessageFormat.Format(Files, English, [2.5d]));
        Assert.Equal("3 files", MessageFormat.Format(Files, English, [3L]));
    }

    [Theory]
    [InlineData(1, "1 plik")]
    [InlineData(2, "2 pliki")]
    [InlineData(5, "5 plików")]
    [InlineData(22, "22 pliki")]
    [InlineData(25, "25 plików")]
    [InlineData(112, "112 plików")]
    public void Polish_picks_one_few_and_many_for_whole_numbers(int count, string expected) =>
        Assert.Equal(expected, MessageFormat.Format(PolishFiles, Polish, [count]));

    [Fact]
    public void Polish_puts_a_fraction_in_other_with_a_decimal_comma() =>
        Assert.Equal("1,5 pliku", MessageFormat.Format(PolishFiles, Polish, [1.5m]));

    [Theory]
    [InlineData("fi-FI", "{count, plural, one {# tiedosto} other {# tiedostoa}}", "12\u00A0345 tiedostoa")]
    [InlineData("sv-SE", "{count, plural, one {# fil} other {# filer}}", "12\u00A0345 filer")]
    public void Finnish_and_swedish_group_thousands_with_a_no_break_space(string culture, string pattern, string expected) =>
        Assert.Equal(expected, MessageFormat.Format(pattern, CultureInfo.GetCultureInfo(culture), [12345]));

    [Fact]
    public void An_exact_zero_branch_wins_over_the_category()
    {
        const string pattern = "{count, plural, =0 {No replies yet} one {# reply} other {# replies}}";
        Assert.Equal("No replies yet", MessageFormat.Format(pattern, English, [0]));
        Assert.Equal("No replies yet", MessageFormat.Format(pattern, English, [0.0m]));
        Assert.Equal("1 reply", MessageFormat.Format(pattern, English, [1]));
    }

    [Fact]
    public void An_offset_moves_the_category_and_the_number_sign_but_not_exact_values()
    {
        const string pattern = "{readers, plural, offset:1 =1 {Only you read this} one {You and # other read this} other {You and # others read this}}";
        Assert.Equal("Only you read this", MessageFormat.Format(pattern, English, [1]));
        Assert.Equal("You and 1 other read this", MessageFormat.Format(pattern, English, [2]));
        Assert.Equal("You and 9 others read this", MessageFormat.Format(pattern, English, [10]));
    }

    [Fact]
    public void A_nested_plural_has_its_own_number_sign_and_the_outer_one_returns_after_it()
    {
        const string pattern = "{files, plural, =0 {Nothing here.} "
            + "other {{folders, plural, one {# folder holds} other {# folders hold}} # {files, plural, one {file} other {files}}.}}";
        Assert.Equal("Nothing here.", MessageFormat.Format(pattern, English, [0, 2]));
        Assert.Equal("1 folder holds 1 file.", MessageFormat.Format(pattern, English, [1, 1]));
        Assert.Equal("3 folders hold 12 files.", MessageFormat.Format(pattern, English, [12, 3]));
    }

    [Theory]
    [InlineData("The member's page", "The member's page")]
    [InlineData("'{'literal'}'", "{literal}")]
    [InlineData("''", "'")]
    [InlineData("It''s {name}''s", "It's Ann's")]
    [InlineData("'{name}' is written '{'{name}'}'", "{name} is written {Ann}")]
    [InlineData("# and '# stay as written outside a plural", "# and '# stay as written outside a plural")]
    [InlineData("A quote left open '{runs to the end", "A quote left open {runs to the end")]
    [InlineData("'", "'")]
    [InlineData("Yes'|no", "Yes'|no")]
    public void Apostrophes_quote_only_before_syntax_characters(string pattern, string expected) =>
        Assert.Equal(expected, MessageFormat.Format(pattern, English, ["Ann"]));

    [Fact]
    public void An_apostrophe_quotes_the_number_sign_inside_a_plural()
    {
        const string pattern = "{count, plural, other {'#' # isn't '#'''}}";
        Assert.Equal("# 7 isn't #'", MessageFormat.Format(pattern, English, [7]));
    }

    [Fact]
    public void A_translation_may_reorder_the_named_arguments_of_its_english_original()
    {
        Assert.Equal("B before A", MessageFormat.Format("{b} before {a}", English, ["a", "b"], ["A", "B"]));
        // Without names, the pattern's own order of first appearance binds them.
        Assert.Equal("B before A", MessageFormat.Format("{b} before {a}", English, ["B", "A"]));
    }

    [Fact]
    public void A_translation_may_leave_out_an_argument_of_the_original() =>
        Assert.Equal("Uusi viesti", MessageFormat.Format("Uusi viesti", English, ["count", "title"], [3, "Hello"]));

    [Fact]
    public void Numbered_arguments_mean_their_position_whatever_the_names() =>
        Assert.Equal("y then x", MessageFormat.Format("{1} then {0}", English, ["ignored"], ["x", "y"]));

    [Fact]
    public void Values_are_formatted_with_the_culture_and_null_is_empty()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        Assert.Equal("[] 1234,5 7 text", MessageFormat.Format("[{a}] {b} {c} {d}", german, [null, 1234.5m, 7, "text"]));
        Assert.Equal("Uri: https://example.org/", MessageFormat.Format("Uri: {u}", german, [new Uri("https://example.org")]));
    }

    [Fact]
    public void Argument_names_come_in_order_of_first_appearance_including_plurals_and_their_branches()
    {
        const string pattern = "{count, plural, one {# file in {folder}} other {# files in {folder} by {owner}}} ({count}) {when}";
        Assert.Equal(["count", "folder", "owner", "when"], MessageFormat.ArgumentNames(pattern));
        Assert.Equal(["1", "0"], MessageFormat.ArgumentNames("{1} then {0} and {1}"));
    }

    [Fact]
    public void The_shape_shows_a_polish_translation_lacking_few()
    {
        var shape = MessageFormat.Describe("{count, plural, one {# plik} many {# plików} other {# pliku}}");
        var missing = PluralRules.CategoriesOf("pl").Select(PluralRules.Keyword).Except(shape.PluralSelectors["count"]);
        Assert.Equal(["few"], missing);
    }

    [Fact]
    public void The_shape_shows_a_finnish_translation_using_an_argument_the_english_lacks()
    {
        var english = MessageFormat.Describe("{count, plural, =0 {No new posts} one {# new post} other {# new posts}}");
        var finnish = MessageFormat.Describe("{count, plural, =0 {Ei uusia viestejä} one {# uusi viesti: {title}} other {# uutta viestiä}}");
        Assert.Equal(["title"], finnish.Arguments.Except(english.Arguments));
        Assert.Equal(["=0", "one", "other"], english.PluralSelectors["count"].Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{count", "the '{' at index 0 is never closed")]
    [InlineData("{count, plural, one {# file} other {# files}", "the '{' at index 0 is never closed")]
    [InlineData("{count, plural, one {# file} other {# files", "the '{' at index 35 is never closed")]
    [InlineData("count}", "the '}' at index 5 closes no '{'")]
    [InlineData("{count} files}", "the '}' at index 13 closes no '{'")]
    [InlineData("{count files}", "argument 'count' is followed by 'f' at index 7")]
    [InlineData("{}", "an argument name is missing at index 1")]
    [InlineData("{-1}", "an argument name is missing at index 1")]
    [InlineData("{01}", "'01' at index 1 is not an argument number")]
    [InlineData("{0} of {total}", "numbered and named arguments are mixed ('0' and 'total')")]
    [InlineData("{n, select, a {x} other {y}}", "argument 'n' has type 'select', and only plural is supported")]
    [InlineData("{n, date}", "argument 'n' has type 'date', and only plural is supported")]
    [InlineData("{n, number}", "argument 'n' has type 'number', and only plural is supported")]
    [InlineData("{n,}", "argument 'n' has no type after its ','")]
    [InlineData("{n, plural}", "plural argument 'n' has no branches")]
    [InlineData("{n, plural, one {# file}}", "plural argument 'n' has no 'other' branch")]
    [InlineData("{n, plural, }", "plural argument 'n' has no 'other' branch")]
    [InlineData("{n, plural, lots {many} other {#}}", "plural argument 'n' has the selector 'lots'")]
    [InlineData("{n, plural, one {a} one {b} other {c}}", "plural argument 'n' has two branches for 'one'")]
    [InlineData("{n, plural, =1 {a} =1 {b} other {c}}", "plural argument 'n' has two branches for =1")]
    [InlineData("{n, plural, =x {a} other {c}}", "an exact value of 'n' at index 13 is not a number")]
    [InlineData("{n, plural, offset:x other {c}}", "the offset of 'n' at index 19 is not a number")]
    [InlineData("{n, plural, other # }", "the selector 'other' of 'n' is followed by '#' at index 18 where '{' belongs")]
    public void A_malformed_pattern_is_refused_with_the_pattern_and_the_fault(string pattern, string fault)
    {
        var error = Assert.Throws<FormatException>(() => MessageFormat.Format(pattern, English, [1, 2]));
        Assert.StartsWith($"Message pattern \"{pattern}\": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_argument_is_refused()
    {
        var short1 = Assert.Throws<FormatException>(() => MessageFormat.Format("{a} and {b}", English, ["x"]));
        Assert.Contains("\"{a} and {b}\": argument 'b' has no value among the 1 given", short1.Message, StringComparison.Ordinal);
        var numbered = Assert.Throws<FormatException>(() => MessageFormat.Format("{0} of {2}", English, ["x", "y"]));
        Assert.Contains("argument '2' has no value among the 2 given", numbered.Message, StringComparison.Ordinal);
        var unnamed = Assert.Throws<FormatException>(() => MessageFormat.Format("{title} by {author}", English, ["title"], ["Notes"]));
        Assert.Contains("argument 'author' is none of the names given (title)", unnamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plural_argument_that_is_not_a_number_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => MessageFormat.Format(Files, English, ["three"]));
        Assert.Contains("plural argument 'count' must be a number, not String", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => MessageFormat.Format(Files, English, [double.NaN]));
        Assert.Throws<FormatException>(() => MessageFormat.Format(Files, English, [null]));
    }
}
