namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// What a run of NotificationMails did: sent a mail, found nothing to send, or found a batch that is not due yet.
public sealed record MailOutcome(bool Sent, DateTimeOffset? DueAt)
{
    public static readonly MailOutcome Nothing = new(false, null);
    public static readonly MailOutcome Mailed = new(true, null);

    public static MailOutcome NotYet(DateTimeOffset due) => new(false, due);
}
