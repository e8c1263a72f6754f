namespace CoSie.Platform.Web.Features.Digests;

// Peers answered a prompt the reader has not: post first, then read them.
public sealed record DigestNudge(Guid PromptId, string PromptText, int Waiting, string? ModuleSlug);
