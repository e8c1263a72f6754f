namespace CoSie.Platform.Web.Domain;

// A member may not post in a cohort from From until Until (or until a moderator lifts it early); reading goes on.
public sealed class CohortSuspension : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = string.Empty;
    public Guid? SuspendedById { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public Guid? LiftedById { get; set; }

    public bool IsInForce(DateTimeOffset now) => LiftedAt is null && From <= now && now < Until;
}
