namespace CoSie.Platform.Web.Features.Discussions.Progress;

public sealed record ProgressColumn(Guid PromptId, string PromptText, string ModuleTitle);
