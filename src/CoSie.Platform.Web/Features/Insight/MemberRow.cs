namespace CoSie.Platform.Web.Features.Insight;

// One member with what the page says of them: replies received and given in the filter's range, their last post in
// the cohort, and whether they answered the chosen prompt.
public sealed class MemberRow
{
    public Guid UserId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
    public int Received { get; set; }
    public int Given { get; set; }
    public DateTimeOffset? LastActivity { get; set; }
    public bool Answered { get; set; }
    public bool RemindersStopped { get; set; }
}
