namespace CoSie.Platform.Web.Domain;

// One change of a member's research consent for one cohort: given or withdrawn, and when. The history is kept so that
// a researcher can show what a member had agreed to at any time.
public sealed class ResearchConsentChange : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid UserId { get; set; }
    public bool Given { get; set; }
    public DateTimeOffset At { get; set; }
}
