using CoSie.Platform.Web.Features.Institutions.Appearance;

namespace CoSie.Platform.Tests.Institutions;

public sealed class AccentColourTests
{
    [Theory]
    [InlineData("#1f5fa8", "#1f5fa8")]
    [InlineData("1F5FA8", "#1f5fa8")]
    [InlineData(" #15a ", "#1155aa")]
    public void Hex_colours_are_read_in_their_usual_spellings(string text, string hex) =>
        Assert.Equal(hex, AccentColour.Parse(text)!.Hex);

    [Theory]
    [InlineData("")]
    [InlineData("blue")]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#ggg")]
    [InlineData("rgb(0,0,0)")]
    public void Anything_else_is_no_colour(string text) => Assert.Null(AccentColour.Parse(text));

    // WCAG's own reference points: #767676 is the lightest grey with 4.5:1 on white, #777777 just misses it.
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    public void Contrast_follows_the_WCAG_formula(string a, string b, double ratio) =>
        Assert.Equal(ratio, AccentColour.Parse(a)!.ContrastWith(AccentColour.Parse(b)!), precision: 2);

    [Theory]
    [InlineData("#1f5fa8", true)]
    [InlineData("#0b6e6e", true)]
    [InlineData("#ffcc00", false)]
    [InlineData("#767676", false)] // 4.54:1 on white but under 4.5:1 on the light wash behind cards
    public void An_accent_must_read_on_the_light_pages_and_under_white_text(string hex, bool meets) =>
        Assert.Equal(meets, AccentColour.Parse(hex)!.MeetsContrast);

    [Theory]
    [InlineData("#1f5fa8")]
    [InlineData("#000080")]
    [InlineData("#0b6e6e")]
    [InlineData("#7a0019")]
    public void The_dark_scheme_gets_a_lighter_shade_that_reads_on_dark_pages(string hex)
    {
        var dark = AccentColour.Parse(hex)!.ForDarkScheme();

        Assert.True(dark.ContrastWith(AccentColour.Parse("#1a1f27")!) >= 4.5);
        Assert.True(dark.ContrastWith(AccentColour.Parse("#12161c")!) >= 4.5);
        Assert.True(dark.ContrastWith(AccentColour.Parse("#0b1a2e")!) >= 4.5);
    }
}
