namespace CoSie.Platform.Web.Features.Moderation;

public sealed record ModerationResult(ModerationOutcome Outcome, string? Detail = null)
{
    public static readonly ModerationResult Done = new(ModerationOutcome.Done);

    public bool Succeeded => Outcome is ModerationOutcome.Done or ModerationOutcome.NoChange;

    public static ModerationResult Refused(ModerationOutcome outcome, string? detail = null) => new(outcome, detail);

    public int StatusCode => Outcome switch
    {
        ModerationOutcome.Done or ModerationOutcome.NoChange => StatusCodes.Status200OK,
        ModerationOutcome.NotFound => StatusCodes.Status404NotFound,
        ModerationOutcome.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
