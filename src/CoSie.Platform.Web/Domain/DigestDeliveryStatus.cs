namespace CoSie.Platform.Web.Domain;

public enum DigestDeliveryStatus
{
    // Claimed for its week, not yet sent (or waiting for a retry).
    Pending = 0,
    Sent = 1,
    // Nothing new for this member that week: no mail.
    SkippedEmpty = 2,
    // Every attempt failed; an instructor can resend it.
    Failed = 3,
    // The member turned digests off between the claim and the send.
    Unsubscribed = 4,
}
