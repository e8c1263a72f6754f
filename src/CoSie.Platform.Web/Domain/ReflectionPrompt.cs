namespace CoSie.Platform.Web.Domain;

// A question learners answer with a reflection; each answer becomes a discussion thread.
public sealed class ReflectionPrompt : ITenantOwned
{
    public const int MaxLength = 2_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ModuleId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }

    // Null: a prompt of the module, asked in every cohort. Set: a prompt one cohort adopted from its members' proposals
    // (Features/Proposals), asked in that cohort only until an instructor offers it to the module.
    public Guid? CohortId { get; set; }

    // The member whose proposal this prompt was, credited under it; null for prompts the course's authors wrote.
    public Guid? ProposedById { get; set; }

    public bool IsAskedIn(Guid cohortId) => CohortId is null || CohortId == cohortId;
}
