namespace CoSie.Platform.Web.Domain;

// The synthesis's text at a moment, for its history: a change starts a new revision when the last one is older than
// SynthesisRules.RevisionEvery, and otherwise updates the last one, so a busy hour keeps a few revisions, not thousands.
public sealed class SynthesisRevision : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid SynthesisId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset At { get; set; }
    public long Version { get; set; }
    public string Texts { get; set; } = "{}";
    public int EditCount { get; set; }

    // Hidden by a moderator: learners see that it was hidden, not its text nor who changed the synthesis in it; the
    // next change starts a new revision rather than writing into this one.
    public bool IsHidden { get; set; }
}
