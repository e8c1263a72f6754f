namespace CoSie.Platform.Web.Features.Insight;

// Medians over the filter's posts; null when there is nothing to take a median of.
public sealed class FiguresRow
{
    public double? MedianFirstReplySeconds { get; set; }
    public double? MedianWords { get; set; }
    public int Reflections { get; set; }
    public int Replies { get; set; }
}
