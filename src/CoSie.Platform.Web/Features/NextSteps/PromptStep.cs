namespace CoSie.Platform.Web.Features.NextSteps;

// A prompt the person has not answered yet in a cohort, with how many peers already have.
public sealed record PromptStep(Guid PromptId, string PromptText, string ModuleTitle, int PeersPosted);
