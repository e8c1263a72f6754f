namespace CoSie.Platform.Web.Domain;

// One change to a thread, numbered per thread. Written in the transaction of the change itself, so a client that
// asks for "everything after sequence N" gets exactly what it missed.
public sealed class ThreadEvent : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ReflectionId { get; set; }
    public long Sequence { get; set; }
    public ThreadEventKind Kind { get; set; }
    public Guid PostId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
