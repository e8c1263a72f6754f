namespace CoSie.Platform.Web.Features.NextSteps;

// What waits for a cohort's instructor: posts to review, reflections nobody has answered (oldest first), and
// learners who have not posted anything yet.
public sealed record InstructorSteps(int Flagged, int AwaitingApproval, int Unanswered, IReadOnlyList<UnansweredReflection> OldestUnanswered, int NotStarted)
{
    public bool HasWork => Flagged + AwaitingApproval + Unanswered + NotStarted > 0;
}
