namespace CoSie.Platform.Web.Features.Proposals;

// Where proposals are made (one module in one cohort) and who is looking: what ProposalAccess found.
public sealed record ProposalPlace(
    Cohort Cohort, CourseModule Module, string CourseSlug, Guid UserId, CohortRole? Role, bool CanManage, bool CanEditCourse, DateTimeOffset? SuspendedUntil)
{
    // Learners and instructors of the cohort propose, support and comment; observers read; a suspension stops writing.
    public bool CanParticipate => Role is CohortRole.Learner or CohortRole.Instructor && SuspendedUntil is null;
}
