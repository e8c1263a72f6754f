using CoSie.Platform.Web.Hosting;

namespace CoSie.Platform.Tests.Hosting;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u202Eb")]
    [InlineData("a\u2066b")]
    [InlineData("a\u0000b")]
    public void Control_characters_and_direction_marks_are_refused_in_every_field(string value)
    {
        Assert.Null(PlainText.Accept(value, multiline: false));
        Assert.Null(PlainText.Accept(value, multiline: true));
    }

    [Theory]
    [InlineData("Ada\r\nBcc: x@y.test")]
    [InlineData("Ada\nLovelace")]
    [InlineData("Ada\tLovelace")]
    public void Line_breaks_and_tabs_are_refused_in_a_single_line_and_kept_in_a_multi_line_field(string value)
    {
        Assert.Null(PlainText.Accept(value, multiline: false));
        Assert.Equal(value, PlainText.Accept(value, multiline: true));
    }

    [Fact]
    public void Text_is_kept_in_NFC()
    {
        Assert.Equal("Caf\u00E9", PlainText.Accept("Cafe\u0301", multiline: false));
        Assert.Equal("Caf\u00E9\nna\u00EFve", PlainText.Accept("Cafe\u0301\nnai\u0308ve", multiline: true));
    }

    [Fact]
    public void Letters_of_every_script_and_zero_width_joiners_pass()
    {
        const string names = "Zoë Ł. 田中 \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \uD83D\uDC69\u200D\uD83D\uDCBB";
        Assert.Equal(names, PlainText.Accept(names, multiline: false));
    }
}
