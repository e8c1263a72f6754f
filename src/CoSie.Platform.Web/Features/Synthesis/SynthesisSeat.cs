namespace CoSie.Platform.Web.Features.Synthesis;

// What a live connection may do with one synthesis, checked by SynthesisAccess.ForConnectionAsync.
public sealed record SynthesisSeat(Guid CohortId, Guid ModuleId, bool CanWrite, bool Closed);
