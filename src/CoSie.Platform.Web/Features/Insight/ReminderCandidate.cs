namespace CoSie.Platform.Web.Features.Insight;

// A learner a reminder about a prompt could go to.
public sealed record ReminderCandidate(Guid UserId, string Name);
