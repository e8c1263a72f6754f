namespace CoSie.Platform.Web.Features.Discussions;

// Where a discussion sits: the cohort, and the prompt of a module of the cohort's course.
public sealed record DiscussionPlace(
    Guid CohortId, string CohortName, Guid PromptId, string PromptText, string ModuleTitle, string ModuleSlug, string CourseSlug);
