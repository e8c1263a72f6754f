namespace CoSie.Platform.Web.Features.Insight;

// Who among the selected members a reminder about a prompt goes to, and who is skipped and why.
public sealed record ReminderPlan(Guid PromptId, string PromptText, IReadOnlyList<ReminderTarget> Targets)
{
    public IEnumerable<ReminderTarget> Sending => Targets.Where(t => t.Sends);

    public IEnumerable<ReminderTarget> Skipped => Targets.Where(t => !t.Sends);
}
