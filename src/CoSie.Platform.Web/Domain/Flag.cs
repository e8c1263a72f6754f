namespace CoSie.Platform.Web.Domain;

// A member's report of a post, once per member and post. It stays open until a moderator resolves it.
public sealed class Flag : ITenantOwned
{
    public const int MaxNoteLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid ReflectionId { get; set; }
    public Guid PostId { get; set; }
    public Guid? FlaggerId { get; set; }
    public FlagReason Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public Guid? ResolvedById { get; set; }
    public FlagOutcome? Outcome { get; set; }

    public bool IsOpen => ResolvedAt is null;
}
