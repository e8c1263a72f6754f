namespace CoSie.Platform.Web.Features.NextSteps;

// A prompt the person has answered whose peers' reflections the post-first rule still holds back until OpensAt.
public sealed record OpeningStep(Guid PromptId, string PromptText, DateTimeOffset OpensAt);
