using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Tests.Discussions;

public sealed class AvatarTests
{
    [Theory]
    [InlineData("Aino Aalto", "AA")]
    [InlineData("  cleo  ", "C")]
    [InlineData("Élodie van der Berg", "ÉB")]
    [InlineData("Γιώργος Παπαδόπουλος", "ΓΠ")]
    [InlineData("Łukasz  Żółw", "ŁŻ")]
    [InlineData("李 小龙", "李小")]
    [InlineData("(Anna) Smith", "S")]
    [InlineData("!!! ???", "?")]
    [InlineData("", "?")]
    [InlineData(null, "?")]
    public void Initials_are_the_first_letters_of_the_first_and_last_names(string? name, string initials) =>
        Assert.Equal(initials, Avatar.Initials(name));

    [Fact]
    public void The_colours_spread_over_all_eight_and_a_deleted_author_gets_the_neutral_one()
    {
        var ids = Enumerable.Range(0, 400).Select(_ => Guid.NewGuid()).ToList();

        Assert.Equal(Enumerable.Range(0, Avatar.Colours), ids.Select(id => Avatar.Colour(id)).Distinct().Order());
        Assert.Equal(0, Avatar.Colour(null));
    }
}
