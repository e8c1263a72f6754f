namespace CoSie.Platform.Web.Features.Discussions;

public sealed record ProgressColumn(Guid PromptId, string PromptText, string ModuleTitle);
