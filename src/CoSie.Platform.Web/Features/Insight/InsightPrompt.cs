namespace CoSie.Platform.Web.Features.Insight;

// A prompt of the cohort's course, with its completion among the cohort's learners.
public sealed record InsightPrompt(Guid PromptId, string Text, string ModuleTitle, int Answered, int Complete);
