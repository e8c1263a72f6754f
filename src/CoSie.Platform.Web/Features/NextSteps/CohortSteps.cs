namespace CoSie.Platform.Web.Features.NextSteps;

// What one cohort asks of one person now: as a learner, the prompts still to answer and the peers' reflections
// about to open; as its instructor, what waits for them. Unread counts the person's replies and mentions.
public sealed record CohortSteps(
    Guid CohortId,
    string CohortName,
    string CourseSlug,
    string CourseTitle,
    CohortRole Role,
    IReadOnlyList<PromptStep> ToAnswer,
    int MoreToAnswer,
    IReadOnlyList<OpeningStep> Opening,
    int Unread,
    InstructorSteps? Instructor)
{
    public bool AnsweredEverything => Role == CohortRole.Learner && ToAnswer.Count == 0;

    public bool IsQuiet => ToAnswer.Count == 0 && Opening.Count == 0 && Unread == 0 && Instructor is not { HasWork: true };
}
