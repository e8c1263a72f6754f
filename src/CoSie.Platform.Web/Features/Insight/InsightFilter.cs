namespace CoSie.Platform.Web.Features.Insight;

// What the insight page is narrowed to: a range of days in the institution's time zone (both ends included), one
// prompt or all, the members of one role or all, and how old an unanswered reflection must be to be listed.
public sealed record InsightFilter(DateOnly From, DateOnly To, Guid? PromptId, CohortRole? Role, int UnansweredHours)
{
    public const int DefaultDays = 28;
    public const int MaxDays = 366;
    public const int DefaultUnansweredHours = 48;
    public const int MaxUnansweredHours = 24 * 60;

    public int Days => To.DayNumber - From.DayNumber + 1;
}
