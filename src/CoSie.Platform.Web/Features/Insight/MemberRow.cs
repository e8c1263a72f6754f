namespace CoSie.Platform.Web.Features.Insight;

// One member with what the page says of them: replies received from others in the filter's range, and their last
// post in the cohort.
public sealed class MemberRow
{
    public Guid UserId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
    public int Received { get; set; }
    public DateTimeOffset? LastActivity { get; set; }
}
