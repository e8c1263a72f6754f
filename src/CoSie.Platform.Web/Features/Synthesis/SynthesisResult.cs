namespace CoSie.Platform.Web.Features.Synthesis;

// What a change to a synthesis came to. Reason is the code the browser and the form both explain: malformed,
// too-large, too-long, unknown-section, not-text, missing-history, foreign-client, not-confirmed, post-not-found.
public sealed record SynthesisResult(SynthesisOutcome Outcome, string? Reason = null)
{
    public static readonly SynthesisResult Done = new(SynthesisOutcome.Done);
    public static readonly SynthesisResult Unchanged = new(SynthesisOutcome.Unchanged);
    public static readonly SynthesisResult NotFound = new(SynthesisOutcome.NotFound);
    public static readonly SynthesisResult Forbidden = new(SynthesisOutcome.Forbidden);
    public static readonly SynthesisResult Closed = new(SynthesisOutcome.Closed, "closed");

    public bool Succeeded => Outcome is SynthesisOutcome.Done or SynthesisOutcome.Unchanged;

    public static SynthesisResult Refused(string reason) => new(SynthesisOutcome.Refused, reason);
}
