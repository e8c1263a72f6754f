namespace CoSie.Platform.Web.Features;

// "Previous", "Page 2 of 5" and "Next" under a paged list (_Pager.cshtml), and the arithmetic every paged list shares.
public sealed record Pager(int Number, int Count, Func<int, string> Link)
{
    public static int CountOf(int total, int size) => Math.Max(1, (total + size - 1) / size);

    // A page past the end shows the last one; one before the first, the first.
    public static int Clamp(int? requested, int count) => Math.Clamp(requested ?? 1, 1, count);

    public static int Skip(int number, int size) => (number - 1) * size;
}
