namespace CoSie.Platform.Web.Domain;

// One accepted change to a synthesis, in order, never changed afterwards: who, when, which sections, how large and how
// it came (live, a form, a quote). The document itself is in CohortSynthesis.State.
public sealed class SynthesisEdit : ITenantOwned
{
    public long Id { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid SynthesisId { get; set; }

    // Null once the account is deleted.
    public Guid? UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Sections { get; set; } = string.Empty;
    public int Bytes { get; set; }
    public SynthesisEditKind Kind { get; set; }
}
