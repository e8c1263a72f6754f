namespace CoSie.Platform.Web.Features.Synthesis;

public enum SynthesisOutcome
{
    Done,
    Unchanged,
    NotFound,
    Forbidden,
    Closed,
    Refused,
}
