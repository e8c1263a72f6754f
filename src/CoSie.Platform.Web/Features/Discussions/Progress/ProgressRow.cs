namespace CoSie.Platform.Web.Features.Discussions.Progress;

public sealed record ProgressRow(string Name, IReadOnlyList<PromptProgress> Cells);
