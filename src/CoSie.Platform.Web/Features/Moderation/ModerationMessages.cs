namespace CoSie.Platform.Web.Features.Moderation;

// What a refused moderation action says to the moderator.
public static class ModerationMessages
{
    public static string Message(this IStringLocalizer localizer, ModerationResult result) => result.Outcome switch
    {
        ModerationOutcome.ReasonRequired => localizer["Give a reason: the author reads it, and it goes into the audit log."],
        ModerationOutcome.ReasonTooLong => localizer["A reason can have at most {max, plural, one {# character} other {# characters}}.", Domain.ModerationAction.MaxReasonLength],
        ModerationOutcome.NotConfirmed => localizer["Tick the confirmation box: deleting a post for good cannot be undone."],
        ModerationOutcome.Invalid => localizer["That cannot be done with what was entered. Check the form and try again."],
        ModerationOutcome.Forbidden => localizer["You cannot do that here."],
        ModerationOutcome.NoChange => localizer["Nothing to change: it is already so."],
        _ => localizer["That did not work."],
    };
}
