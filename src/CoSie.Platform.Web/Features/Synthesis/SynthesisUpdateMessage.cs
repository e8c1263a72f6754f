namespace CoSie.Platform.Web.Features.Synthesis;

// What travels over the hub for a synthesis. Updates are Yjs's binary updates in Base64.
public sealed record SynthesisUpdateMessage(Guid SynthesisId, string Update);
