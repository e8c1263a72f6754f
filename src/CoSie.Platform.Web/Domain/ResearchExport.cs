namespace CoSie.Platform.Web.Domain;

// The audit row of one research export of a cohort: who exported it, when, and how much it held. ProtectedKey is the
// export's pseudonym key, encrypted with Data Protection: with it (and only with it) the platform can say which
// account stands behind a pseudonym of this export.
public sealed class ResearchExport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid? ExportedById { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ProtectedKey { get; set; }
    public int Members { get; set; }
    public int ConsentingMembers { get; set; }
    public int Reflections { get; set; }
    public int Replies { get; set; }
    public int Withheld { get; set; }
    public int HelpfulMarks { get; set; }
}
