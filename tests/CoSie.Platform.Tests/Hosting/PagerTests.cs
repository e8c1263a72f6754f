using CoSie.Platform.Web.Features;

namespace CoSie.Platform.Tests.Hosting;

public sealed class PagerTests
{
    [Theory]
    [InlineData(0, 25, 1)]
    [InlineData(25, 25, 1)]
    [InlineData(26, 25, 2)]
    [InlineData(1000, 50, 20)]
    public void A_list_has_at_least_one_page(int total, int size, int expected) => Assert.Equal(expected, Pager.CountOf(total, size));

    [Theory]
    [InlineData(null, 4, 1)]
    [InlineData(-3, 4, 1)]
    [InlineData(9, 4, 4)]
    [InlineData(2, 4, 2)]
    public void A_page_outside_the_list_shows_the_nearest_one(int? requested, int count, int expected) =>
        Assert.Equal(expected, Pager.Clamp(requested, count));

    [Fact]
    public void The_third_page_of_twenty_five_skips_fifty() => Assert.Equal(50, Pager.Skip(3, 25));
}
