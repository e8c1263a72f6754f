namespace CoSie.Platform.Web.Features.Discussions;

// Where a discussion sits: the cohort, and the prompt of a module of the cohort's course. ModuleLanguage is the
// language the prompt is written in, when the module says.
public sealed record DiscussionPlace(
    Guid CohortId, string CohortName, Guid PromptId, string PromptText, string ModuleTitle, string ModuleSlug, string CourseSlug,
    string? ModuleLanguage = null);
