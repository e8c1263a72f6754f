namespace CoSie.Platform.Web.Domain;

// One member's digest of one cohort for one week. The row is claimed (unique per cohort, member and week) before
// anything is sent, so a retried or repeated job finds it and never sends that week twice.
public sealed class DigestDelivery : ITenantOwned
{
    public const int MaxErrorLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid UserId { get; set; }

    // The slot's local date in the member's time zone, for example "2026-11-30".
    public required string WeekKey { get; set; }
    public DateTimeOffset SlotUtc { get; set; }

    // What the digest covers: posts that settled after this instant (the previous digest's slot, or the join).
    public DateTimeOffset PeriodStart { get; set; }

    public DigestDeliveryStatus Status { get; set; } = DigestDeliveryStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    // While a worker sends this row nobody else may; a worker that died lets go when the lease runs out.
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? MessageId { get; set; }

    public bool IsFinished => Status is DigestDeliveryStatus.Sent or DigestDeliveryStatus.SkippedEmpty or DigestDeliveryStatus.Unsubscribed;
}
