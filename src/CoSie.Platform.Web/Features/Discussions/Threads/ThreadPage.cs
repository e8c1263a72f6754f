namespace CoSie.Platform.Web.Features.Discussions.Threads;

// One page of a thread's replies in tree order: page Number of Count holds the snapshot's posts [Start, End)
// (index 0 is the reflection, shown on every page). The last page may be short; a thread without replies has one
// empty page.
public sealed record ThreadPage(int Number, int Count, int Start, int End, int Remaining)
{
    public bool HasEarlier => Number > 1;
    public bool HasLater => Number < Count;

    public static int CountFor(int replies, int pageSize) => Pager.CountOf(replies, pageSize);

    public static ThreadPage Of(int number, int replies, int pageSize)
    {
        var start = 1 + (number - 1) * pageSize;
        var end = Math.Min(replies + 1, start + pageSize);
        return new ThreadPage(number, CountFor(replies, pageSize), start, end, replies + 1 - end);
    }

    // The page that holds the post at this index of the snapshot; the reflection's is the first.
    public static int Holding(int index, int pageSize) => index <= 0 ? 1 : (index - 1) / pageSize + 1;
}
