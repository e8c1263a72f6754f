using CoSie.Platform.Web.Features.Discussions;

namespace CoSie.Platform.Tests.Discussions;

public sealed class PostFirstGateTests
{
    private static readonly DateTimeOffset Posted = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    [Fact]
    public void Without_the_rule_everything_is_open()
    {
        var gate = PostFirstGate.For(applies: false, ownPostedAt: null, revealOnPost: false, Window, Posted);

        Assert.True(gate.IsOpen);
        Assert.False(gate.Applies);
    }

    [Fact]
    public void A_learner_who_has_not_posted_is_held_back_with_no_opening_time()
    {
        var gate = PostFirstGate.For(applies: true, ownPostedAt: null, revealOnPost: false, Window, Posted);

        Assert.False(gate.IsOpen);
        Assert.False(gate.HasPosted);
        Assert.Null(gate.OpensAt);
    }

    [Fact]
    public void After_posting_the_gate_opens_when_the_edit_window_closes()
    {
        var waiting = PostFirstGate.For(true, Posted, revealOnPost: false, Window, Posted + Window - TimeSpan.FromSeconds(1));
        var open = PostFirstGate.For(true, Posted, revealOnPost: false, Window, Posted + Window);

        Assert.False(waiting.IsOpen);
        Assert.Equal(Posted + Window, waiting.OpensAt);
        Assert.True(open.IsOpen);
    }

    [Fact]
    public void A_cohort_that_reveals_on_posting_opens_the_gate_at_once()
    {
        var gate = PostFirstGate.For(true, Posted, revealOnPost: true, Window, Posted);

        Assert.True(gate.IsOpen);
        Assert.Equal(Posted, gate.OpensAt);
    }
}
