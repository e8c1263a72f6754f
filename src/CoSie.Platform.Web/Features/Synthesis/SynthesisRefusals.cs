namespace CoSie.Platform.Web.Features.Synthesis;

// What a refused change to a synthesis (SynthesisResult.Reason) means, in the reader's words: the synthesis page and
// its history explain the same codes the same way.
public static class SynthesisRefusals
{
    public static string Message(IStringLocalizer localizer, string? reason) => reason switch
    {
        "closed" => localizer["The synthesis is closed: it can no longer be changed."],
        "too-long" => localizer["The synthesis has at most {count, plural, one {# character} other {# characters}} in all. Nothing was saved.", SynthesisRules.MaxLength],
        "too-large" => localizer["That change is too large to send at once. Nothing was saved."],
        "unknown-section" => localizer["There is no such section."],
        "not-confirmed" => localizer["Tick the box to confirm that you close the synthesis."],
        "post-not-found" => localizer["No post you can read was found at that link."],
        "reason-too-long" => localizer["A reason has at most {count, plural, one {# character} other {# characters}}.", SynthesisRules.MaxReasonLength],
        _ => localizer["The change could not be merged. Nothing was saved; reload the page and try again."],
    };
}
