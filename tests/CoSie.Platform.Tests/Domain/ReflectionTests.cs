using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.Tests.Domain;

public sealed class ReflectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.CreateVersion7();

    [Fact]
    public void Replies_take_the_next_place_among_their_siblings_in_tree_order()
    {
        var reflection = new Reflection();

        var first = reflection.AddReply(null, Author, "1", "<p>1</p>", Now);
        var second = reflection.AddReply(null, Author, "2", "<p>2</p>", Now);
        var answer = reflection.AddReply(first, Author, "1.1", "<p>1.1</p>", Now);

        Assert.Equal(["000001", "000001000001", "000002"], new[] { first, second, answer }.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal((0, 0, 1), (first.Depth, second.Depth, answer.Depth));
        Assert.Equal(first.Id, answer.ParentReplyId);
        Assert.Equal(3, reflection.ReplyCount);
        Assert.Equal(2, reflection.ChildCount);
        Assert.Equal(1, first.ChildCount);
    }

    [Fact]
    public void A_locked_thread_refuses_every_reply()
    {
        var reflection = new Reflection();
        var reply = reflection.AddReply(null, Author, "a", "a", Now);
        reflection.IsLocked = true;

        Assert.Equal(ThreadRefusal.Locked, reflection.RefusesReplyTo(null));
        Assert.Equal(ThreadRefusal.Locked, reflection.RefusesReplyTo(reply));
        Assert.Throws<InvalidOperationException>(() => reflection.AddReply(reply, Author, "b", "b", Now));
        Assert.Equal(1, reflection.ReplyCount);
    }

    [Fact]
    public void A_reply_to_a_post_of_another_thread_is_refused()
    {
        var other = new Reflection();
        var stranger = other.AddReply(null, Author, "x", "x", Now);

        Assert.Equal(ThreadRefusal.ParentNotInThread, new Reflection().RefusesReplyTo(stranger));
    }

    [Fact]
    public void A_deleted_parent_takes_no_replies_but_its_siblings_do()
    {
        var reflection = new Reflection();
        var gone = reflection.AddReply(null, Author, "a", "a", Now);
        var standing = reflection.AddReply(null, Author, "b", "b", Now);
        gone.Delete();

        Assert.Equal(ThreadRefusal.ParentDeleted, reflection.RefusesReplyTo(gone));
        Assert.Equal(ThreadRefusal.None, reflection.RefusesReplyTo(standing));
    }

    [Fact]
    public void A_deleted_reflection_takes_no_direct_replies()
    {
        var reflection = new Reflection();
        reflection.Delete();

        Assert.Equal(ThreadRefusal.ParentDeleted, reflection.RefusesReplyTo(null));
    }

    [Fact]
    public void Every_recorded_change_numbers_an_event_and_bumps_the_version()
    {
        var reflection = new Reflection { ThreadVersion = 7, LastEventSequence = 41 };

        var posted = reflection.Record(ThreadEventKind.ReplyPosted, Guid.CreateVersion7(), Now);
        var edited = reflection.Record(ThreadEventKind.PostEdited, posted.PostId, Now.AddMinutes(1));

        Assert.Equal((42L, 43L), (posted.Sequence, edited.Sequence));
        Assert.Equal(9, reflection.ThreadVersion);
        Assert.Equal(Now.AddMinutes(1), reflection.LastActivityAt);
        Assert.Equal(reflection.Id, edited.ReflectionId);
    }
}
