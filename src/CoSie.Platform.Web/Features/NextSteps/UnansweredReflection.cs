namespace CoSie.Platform.Web.Features.NextSteps;

public sealed record UnansweredReflection(Guid ReflectionId, string? AuthorName, string PromptText, DateTimeOffset PostedAt);
