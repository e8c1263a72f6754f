namespace CoSie.Platform.Web.Features.Digests;

// Which mail an unsubscribe link stops: a cohort's digest or its reminders, or the mails about replies to the person or mentions of them.
public enum UnsubscribeTopic
{
    Digest = 0,
    ReplyMails = 1,
    MentionMails = 2,
    // An instructor's reminders about prompts of one cohort (Features/Insight).
    Reminders = 3,
}
