namespace CoSie.Platform.Web.Features.Insight;

// One worklist of members that a reminder can go to, about one prompt.
public sealed record RemindList(string Name, string Heading, Guid CohortId, Guid PromptId, IReadOnlyList<ReminderCandidate> Members);
