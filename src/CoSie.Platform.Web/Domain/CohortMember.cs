namespace CoSie.Platform.Web.Domain;

public sealed class CohortMember : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid UserId { get; set; }
    public CohortRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    // The member's choice for this cohort's digest (account page, or the link in every digest).
    public DigestFrequency DigestFrequency { get; set; } = DigestFrequency.Weekly;

    // The member stopped reminders from this cohort's instructors (the one-click link in every reminder).
    public bool RemindersStopped { get; set; }

    // Whether the member lets their posts in this cohort be used for research; every change is also kept as a
    // ResearchConsentChange (Features/Research/ResearchConsents).
    public bool ResearchConsent { get; set; }

    public bool Moderates => Role == CohortRole.Instructor;
}
