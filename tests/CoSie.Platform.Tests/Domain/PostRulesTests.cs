using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.Tests.Domain;

public sealed class PostRulesTests
{
    private static readonly DateTimeOffset Posted = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    private static readonly Guid Author = Guid.CreateVersion7();

    private static Reply Post(PostStatus status = PostStatus.Visible) =>
        new() { AuthorId = Author, Status = status, CreatedAt = Posted, BodySource = "first", BodyHtml = "<p>first</p>" };

    [Fact]
    public void The_author_edits_while_the_window_is_open_and_not_after()
    {
        Assert.True(Post().MayEdit(Author, Posted + Window - TimeSpan.FromSeconds(1), Window));
        Assert.False(Post().MayEdit(Author, Posted + Window, Window));
    }

    [Theory]
    [InlineData(PostStatus.Visible, 29, true)]
    [InlineData(PostStatus.Visible, 30, false)]
    [InlineData(PostStatus.HiddenByModerator, 1, false)]
    [InlineData(PostStatus.Deleted, 1, false)]
    public void The_thread_and_edit_pages_offer_editing_by_the_same_rule(PostStatus status, int minutesLater, bool editable)
    {
        Assert.Equal(editable, PostRules.IsEditable(status, Posted, Posted.AddMinutes(minutesLater), Window));
        Assert.Equal(editable, Post(status).MayEdit(Author, Posted.AddMinutes(minutesLater), Window));
    }

    [Fact]
    public void Nobody_else_edits_the_post()
    {
        Assert.False(Post().MayEdit(Guid.CreateVersion7(), Posted, Window));
    }

    [Theory]
    [InlineData(PostStatus.HiddenByModerator)]
    [InlineData(PostStatus.Deleted)]
    [InlineData(PostStatus.AwaitingApproval)]
    public void A_post_that_is_not_visible_is_not_edited(PostStatus status)
    {
        Assert.False(Post(status).MayEdit(Author, Posted, Window));
    }

    [Fact]
    public void A_post_of_a_deleted_account_is_edited_by_nobody()
    {
        var orphan = Post();
        orphan.AuthorId = null;

        Assert.False(orphan.MayEdit(Author, Posted, Window));
    }

    [Fact]
    public void An_edit_keeps_the_replaced_text_with_the_time_it_was_written()
    {
        var reply = Post();

        var first = reply.Edit("second", "<p>second</p>", Posted.AddMinutes(5));
        var second = reply.Edit("third", "<p>third</p>", Posted.AddMinutes(9));

        Assert.Equal(("first", Posted, Posted.AddMinutes(5)), (first.BodySource, first.WrittenAt, first.ReplacedAt));
        Assert.Equal(("second", Posted.AddMinutes(5)), (second.BodySource, second.WrittenAt));
        Assert.Equal(("third", "<p>third</p>", Posted.AddMinutes(9)), (reply.BodySource, reply.BodyHtml, reply.EditedAt));
        Assert.Equal(reply.Id, second.PostId);
    }

    [Fact]
    public void Deleting_empties_the_text_and_keeps_the_row()
    {
        var reply = Post();

        reply.Delete();

        Assert.Equal((PostStatus.Deleted, "", ""), (reply.Status, reply.BodySource, reply.BodyHtml));
        Assert.True(reply.IsDeleted);
        Assert.False(reply.IsPublished);
    }
}
