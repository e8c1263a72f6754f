namespace CoSie.Platform.Web.Domain;

// One line of the audit log: who did what to which post (or member) of which cohort, when and why. Written once and
// never changed: there is no code path that updates it, and the database refuses updates and deletes of its rows
// (see the AddModeration migration).
public sealed class ModerationAction : ITenantOwned
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; init; }

    // Null for an automatic action (the flag threshold), or once the moderator's account is deleted.
    public Guid? ModeratorId { get; init; }
    public ModerationActionKind Kind { get; init; }
    public Guid? ReflectionId { get; init; }
    public Guid? PostId { get; init; }
    // The member a suspension or a post concerns.
    public Guid? SubjectUserId { get; init; }
    public string Reason { get; init; } = string.Empty;
    public DateTimeOffset At { get; init; }
}
