using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Tests.Discussions;

public sealed class ThreadPageTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(1000, 50)]
    [InlineData(1001, 51)]
    public void A_thread_has_enough_pages_for_its_replies_and_at_least_one(int replies, int pages) =>
        Assert.Equal(pages, ThreadPage.CountFor(replies, 20));

    [Fact]
    public void Pages_cover_every_reply_once_after_the_reflection()
    {
        var covered = new List<int>();
        for (var number = 1; number <= ThreadPage.CountFor(45, 20); number++)
        {
            var page = ThreadPage.Of(number, 45, 20);
            covered.AddRange(Enumerable.Range(page.Start, page.End - page.Start));
            Assert.Equal(45 - covered.Count, page.Remaining);
        }

        Assert.Equal(Enumerable.Range(1, 45), covered);
    }

    [Fact]
    public void The_last_page_is_short_and_has_nothing_later()
    {
        var last = ThreadPage.Of(3, 45, 20);

        Assert.Equal((41, 46, 0), (last.Start, last.End, last.Remaining));
        Assert.True(last.HasEarlier);
        Assert.False(last.HasLater);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(45, 3)]
    public void A_post_is_found_on_the_page_that_holds_its_index(int index, int page) =>
        Assert.Equal(page, ThreadPage.Holding(index, 20));
}
