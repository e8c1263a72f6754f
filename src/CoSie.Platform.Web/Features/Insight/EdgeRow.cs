namespace CoSie.Platform.Web.Features.Insight;

// How many replies one member wrote to another's posts.
public sealed class EdgeRow
{
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public int Count { get; set; }
}
