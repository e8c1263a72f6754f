namespace CoSie.Platform.Web.Features.Synthesis;

public sealed record SynthesisEditResult(bool Accepted, string? Reason);
