namespace CoSie.Platform.Web.Features.Discussions;

public sealed record ProgressRow(string Name, IReadOnlyList<PromptProgress> Cells);
