namespace CoSie.Platform.Web.Domain;

// "Someone replied to your post", "someone mentioned you", or "the instructor adopted your proposal". It carries no
// text of the post or proposal, only where it is: opening it goes through the same access check as the thread (a
// proposal's notification has ProposalId and no ReflectionId).
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid CohortId { get; set; }
    public Guid? ReflectionId { get; set; }
    public Guid PostId { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? ActorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    // Set when the notification waits to go out by mail (Notifications/NotificationMails); MailedAt once it went out,
    // was read on the site first, or could no longer be sent (the post hidden, the preference switched off).
    public DateTimeOffset? MailDueAt { get; set; }
    public DateTimeOffset? MailedAt { get; set; }
}
