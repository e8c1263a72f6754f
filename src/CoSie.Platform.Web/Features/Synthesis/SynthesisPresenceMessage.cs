namespace CoSie.Platform.Web.Features.Synthesis;

public sealed record SynthesisPresenceMessage(Guid SynthesisId, IReadOnlyList<SynthesisEditor> Editors);
