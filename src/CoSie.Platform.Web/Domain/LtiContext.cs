namespace CoSie.Platform.Web.Domain;

// An LMS course (an LTI context) of a registration and the cohort its launches land in, made at its first launch.
public sealed class LtiContext : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid PlatformId { get; set; }
    public required string ContextId { get; set; }
    public Guid CohortId { get; set; }
    public string? Title { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // The Advantage services the LMS offers for this course, as its latest launch announced them (NRPS and AGS
    // claims); null where it offers none. Features/Lti/Services uses them.
    public string? MembershipsUrl { get; set; }
    public string? LineItemsUrl { get; set; }
    public string? LineItemUrl { get; set; }
    public List<string> GradeScopes { get; set; } = [];
    public string? ResourceLinkId { get; set; }

    // The last roster synchronisation: when it ended, how many members the LMS listed, and its error if it failed.
    public DateTimeOffset? RosterSyncedAt { get; set; }
    public int? RosterMembers { get; set; }
    public string? RosterError { get; set; }
}
