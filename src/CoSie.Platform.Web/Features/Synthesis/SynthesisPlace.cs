namespace CoSie.Platform.Web.Features.Synthesis;

// A module's synthesis in one cohort and who is looking: what SynthesisAccess found.
public sealed record SynthesisPlace(
    Cohort Cohort, CourseModule Module, string CourseSlug, Guid UserId, CohortRole? Role, bool CanManage, DateTimeOffset? SuspendedUntil)
{
    // Learners and instructors of the cohort write; observers and admins outside it read; a suspension stops writing.
    public bool CanWrite => Role is CohortRole.Learner or CohortRole.Instructor && SuspendedUntil is null;
}
