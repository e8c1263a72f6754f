namespace CoSie.Platform.Web.Domain;

// When a person last opened a thread, and the thread's event sequence then: what is "new since your last visit".
public sealed class ThreadVisit : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid UserId { get; set; }
    public Guid ReflectionId { get; set; }
    public long LastSeenSequence { get; set; }
    public DateTimeOffset VisitedAt { get; set; }
}
