namespace CoSie.Platform.Web.Features.Synthesis;

public sealed record SynthesisEditor(string Name, string Section);
