namespace CoSie.Platform.Web.Domain;

// What one cohort concluded from one module, written together: a Yjs document (State) of fixed sections
// (Features/Synthesis/SynthesisSections), merged and read on the server by Yjs itself, with its readable text kept
// beside it for pages, digests and later cohorts. Closed by an instructor, it is read-only.
public sealed class CohortSynthesis : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid ModuleId { get; set; }

    // The whole document as one Yjs update (deleted text included: an edit without JavaScript is placed by it); [0, 0]
    // is Yjs's empty update.
    public byte[] State { get; set; } = [0, 0];

    // Each section's text as of State, as JSON {"agree": "...", ...}.
    public string Texts { get; set; } = "{}";

    // Bumped with every change; the history and the digest say which version they show.
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? ClosedById { get; set; }

    // Recorded by the instructor when closing: the cohort agreed that later cohorts of the module may read it.
    public bool SharedWithLaterCohorts { get; set; }

    // Hidden by a moderator: only the cohort's instructors see it; it reaches no digest and no later cohort.
    public bool IsHidden { get; set; }

    public bool IsClosed => ClosedAt is not null;

    public void Close(Guid by, bool shareWithLaterCohorts, DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("The synthesis is already closed.");
        }
        ClosedAt = now;
        ClosedById = by;
        SharedWithLaterCohorts = shareWithLaterCohorts;
    }
}
