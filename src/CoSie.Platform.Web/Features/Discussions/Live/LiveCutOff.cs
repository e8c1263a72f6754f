namespace CoSie.Platform.Web.Features.Discussions.Live;

// Which of a person's live groups to leave, or all of their connections to end, in a form that travels to the other
// app instances: each one applies it to the connections it holds.
public sealed record LiveCutOff(
    Guid UserId,
    bool EndSession = false,
    Guid? CohortId = null,
    Guid? PromptId = null,
    Guid? ReflectionId = null,
    Guid? ExceptReflectionId = null)
{
    public static LiveCutOff Session(Guid userId) => new(userId, EndSession: true);

    public static LiveCutOff Cohort(Guid userId, Guid cohortId) => new(userId, CohortId: cohortId);

    public static LiveCutOff Thread(Guid userId, Guid reflectionId) => new(userId, ReflectionId: reflectionId);

    // The threads of one prompt but one: what a learner held back by post-first may no longer follow.
    public static LiveCutOff PromptThreads(Guid userId, Guid cohortId, Guid promptId, Guid exceptReflectionId) =>
        new(userId, CohortId: cohortId, PromptId: promptId, ExceptReflectionId: exceptReflectionId);

    public bool Matches(LiveGroup group) =>
        EndSession
        || ((CohortId is null || group.CohortId == CohortId)
            && (PromptId is null || group.PromptId == PromptId)
            && (ReflectionId is null || group.ReflectionId == ReflectionId)
            && (ExceptReflectionId is null || group.ReflectionId != ExceptReflectionId));
}
