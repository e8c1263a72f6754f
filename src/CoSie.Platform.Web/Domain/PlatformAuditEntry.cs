namespace CoSie.Platform.Web.Domain;

// One line of the platform's audit log: which platform admin did what to whose account, why and when. It belongs to no
// institution. Written once and never changed: there is no code path that updates it, and the database refuses updates
// and deletes of its rows (see the AddPlatformAuditLog migration).
public sealed class PlatformAuditEntry
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    // Null once the admin's account, or the account acted on, is deleted.
    public Guid? ActorId { get; init; }
    public Guid? SubjectUserId { get; init; }
    public PlatformAuditKind Kind { get; init; }
    public string Reason { get; init; } = string.Empty;
    public DateTimeOffset At { get; init; }
}
