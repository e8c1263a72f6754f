namespace CoSie.Platform.Web.Features.Digests;

// A synthesis the cohort closed in the digest's period, as its readable snapshot: each non-empty section's paragraphs,
// in the sections' order.
public sealed record DigestSynthesis(Guid ModuleId, string ModuleTitle, DateTimeOffset ClosedAt, IReadOnlyList<DigestSynthesisSection> Sections);

public sealed record DigestSynthesisSection(string Section, IReadOnlyList<string> Paragraphs);
