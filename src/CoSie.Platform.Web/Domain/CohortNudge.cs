namespace CoSie.Platform.Web.Domain;

// A reminder an instructor sent a member about one prompt of a cohort. One row per member and prompt and sending:
// the rows of the last seven days are what refuses a second reminder (CohortNudge.Interval).
public sealed class CohortNudge : ITenantOwned
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; init; }
    public Guid PromptId { get; init; }
    public Guid UserId { get; init; }

    // Null once the sender's account is deleted.
    public Guid? SentById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    // When the SMTP server accepted the mail; null while the job has not sent it (or found nothing to send).
    public DateTimeOffset? MailedAt { get; set; }
}
