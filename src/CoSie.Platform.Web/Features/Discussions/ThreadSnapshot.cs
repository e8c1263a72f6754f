namespace CoSie.Platform.Web.Features.Discussions;

// A rendered thread as every reader of one class sees it, cut where per-person parts go: Parts[i] precedes
// Slots[i], and the last part follows the last slot. Filling the slots never re-renders the parts.
public sealed record ThreadSnapshot(IReadOnlyList<PostRow> Posts, IReadOnlyList<string> Parts, IReadOnlyList<(int Post, SlotKind Kind)> Slots)
{
    public long Characters => Parts.Sum(p => (long)p.Length);
}
