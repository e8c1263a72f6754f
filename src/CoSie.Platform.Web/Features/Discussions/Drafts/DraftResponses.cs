using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Discussions.Drafts;

// What the prompt and thread pages answer when a draft is saved: a page and a status line for the "Save draft"
// button, and just a status code (with a sentence on refusal) for the editor's autosave, which marks its requests.
public static class DraftResponses
{
    public const string AutosaveHeader = "X-Draft-Autosave";

    public static bool IsAutosave(HttpRequest request) => request.Headers[AutosaveHeader] == "1";

    public static IActionResult ForAutosave(DraftOutcome outcome, IStringLocalizer localizer) => Refusal(outcome) ?? (outcome == DraftOutcome.TooLong
        ? new ContentResult { StatusCode = StatusCodes.Status400BadRequest, Content = TooLong(localizer), ContentType = "text/plain; charset=utf-8" }
        : new NoContentResult());

    // The place is not the person's to write in: 404 where it is not theirs to know of, 403 where it is.
    public static IActionResult? Refusal(DraftOutcome outcome) => outcome switch
    {
        DraftOutcome.NotFound => new NotFoundResult(),
        DraftOutcome.Forbidden => new StatusCodeResult(StatusCodes.Status403Forbidden),
        _ => null,
    };

    public static string Status(DraftOutcome outcome, IStringLocalizer localizer) => outcome == DraftOutcome.Removed
        ? localizer["The text was empty, so no draft is kept."]
        : localizer["Your draft is saved. It waits here until you post it, on any device you sign in with."];

    public static string TooLong(IStringLocalizer localizer) =>
        localizer["A draft can have at most {max, plural, one {# character} other {# characters}}. Shorten it to save it.", Reflection.MaxBodyLength];
}
