namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Who is looking at a cohort's discussions, and in which capacity.
public sealed record Viewer(Guid UserId, CohortRole? Role, bool IsInstitutionAdmin)
{
    // Instructors of the cohort and the institution's admins see everything, hidden posts included.
    public bool IsModerator => Role == CohortRole.Instructor || IsInstitutionAdmin;

    // Observers read; learners and instructors write.
    public bool CanParticipate => Role is CohortRole.Learner or CohortRole.Instructor;

    public bool IsHeldBackByPostFirst(bool postFirst) => postFirst && Role == CohortRole.Learner && !IsInstitutionAdmin;

    public ViewerClass Class => IsModerator ? ViewerClass.Moderator : ViewerClass.Reader;
}
