namespace CoSie.Platform.Web.Features.Insight;

// A selected member and whether a reminder goes to them; LastReminded says when the last one went.
public sealed record ReminderTarget(Guid UserId, string Name, ReminderSkip Skip, DateTimeOffset? LastReminded)
{
    public bool Sends => Skip == ReminderSkip.None;
}
