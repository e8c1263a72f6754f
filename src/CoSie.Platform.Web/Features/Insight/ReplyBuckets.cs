namespace CoSie.Platform.Web.Features.Insight;

// The histogram of replies received per member: how many members got none, one, two ... ten or more.
public sealed record ReplyBucket(int Low, int? High, int Members)
{
    public static IReadOnlyList<ReplyBucket> Of(IEnumerable<MemberRow> members)
    {
        (int Low, int? High)[] bounds = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, null)];
        var counts = members.Select(m => m.Received).ToList();
        return [.. bounds.Select(b => new ReplyBucket(b.Low, b.High, counts.Count(c => c >= b.Low && (b.High is null || c <= b.High))))];
    }
}
