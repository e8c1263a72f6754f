namespace CoSie.Platform.Web.Features.Synthesis;

public sealed record YjsBatchResult(string? Error, List<string>? Sections);
