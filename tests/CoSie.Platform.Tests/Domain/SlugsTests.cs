using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.Tests.Domain;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Vörös Café & Co", "voros-cafe-co")]
    [InlineData("Żółć Łódź", "zolc-lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("v%c3%b6ru", "voru")]
    [InlineData("  --Co-creation:  what? --", "co-creation-what")]
    [InlineData("Ελληνικά", "")]
    [InlineData(null, "")]
    public void A_slug_is_made_from_text_in_plain_ascii(string? text, string expected) =>
        Assert.Equal(expected, Slugs.FromText(text));

    [Fact]
    public void A_slug_made_from_a_long_title_is_cut_to_its_kind_without_a_trailing_hyphen()
    {
        var title = string.Concat(Enumerable.Repeat("word ", 30));

        var slug = Slugs.Choose(Slugs.Module, null, title);

        Assert.True(slug.Length <= Slugs.ModuleMaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.Null(Slugs.Problem(Slugs.Module, slug));
    }

    [Fact]
    public void A_typed_slug_is_trimmed_and_lower_cased_and_wins_over_the_title() =>
        Assert.Equal("my-course", Slugs.Choose(Slugs.Course, "  My-Course ", "Something else"));

    [Theory]
    [InlineData("", SlugProblem.Missing)]
    [InlineData("ab", SlugProblem.Length)]
    [InlineData("-edge-", SlugProblem.Shape)]
    [InlineData("uni a", SlugProblem.Shape)]
    [InlineData("Uni", SlugProblem.Shape)]
    [InlineData("admin", SlugProblem.Reserved)]
    [InlineData("hangfire", SlugProblem.Reserved)]
    public void Institution_slugs_are_refused_for_what_is_wrong_with_them(string slug, SlugProblem expected) =>
        Assert.Equal(expected, Slugs.Problem(Slugs.Institution, slug));

    [Theory]
    [InlineData("new", SlugProblem.Reserved)]
    [InlineData("preview", SlugProblem.Reserved)]
    [InlineData("x", SlugProblem.Length)]
    public void Course_slugs_may_not_take_the_words_of_the_course_pages(string slug, SlugProblem expected) =>
        Assert.Equal(expected, Slugs.Problem(Slugs.Course, slug));

    [Theory]
    [InlineData("edit")]
    [InlineData("cohorts")]
    [InlineData("import")]
    public void Module_slugs_may_not_take_the_words_of_the_course_pages(string slug) =>
        Assert.Equal(SlugProblem.Reserved, Slugs.Problem(Slugs.Module, slug));

    [Theory]
    [InlineData("uni-leuven")]
    [InlineData("a1b")]
    public void Good_institution_slugs_pass(string slug) => Assert.Null(Slugs.Problem(Slugs.Institution, slug));

    [Fact]
    public void A_module_slug_may_be_one_character_and_as_long_as_its_column()
    {
        Assert.Null(Slugs.Problem(Slugs.Module, "m"));
        Assert.Null(Slugs.Problem(Slugs.Module, new string('m', Slugs.ModuleMaxLength)));
        Assert.Equal(SlugProblem.Length, Slugs.Problem(Slugs.Module, new string('m', Slugs.ModuleMaxLength + 1)));
    }
}
