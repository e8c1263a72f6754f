using System.Globalization;

namespace CoSie.Platform.Web.Features.Discussions.Posts;

// What a refused write says to the person (its status code is PostResult.StatusCode). Times are shown as the pages
// show them: in the institution's time zone (zone) and the reader's culture.
public static class OutcomeMessages
{
    public static string Message(this IStringLocalizer localizer, PostResult result, TimeZoneInfo zone) => result.Outcome switch
    {
        DiscussionOutcome.Empty => localizer["Write something before posting."],
        DiscussionOutcome.TooLong => localizer["A post can have at most {max, plural, one {# character} other {# characters}}. Shorten it and post again.", Reflection.MaxBodyLength],
        DiscussionOutcome.SlowDown => localizer["Slow down: you have posted several times in the last minute. Try again in {count, plural, one {# second} other {# seconds}}.",
            Math.Max(1, (int)Math.Ceiling(result.RetryAfter?.TotalSeconds ?? 60))],
        DiscussionOutcome.Locked => localizer["This discussion is locked: it takes no new replies."],
        DiscussionOutcome.ParentDeleted => localizer["The post you replied to has been deleted, so your reply was not posted."],
        DiscussionOutcome.EditWindowClosed => localizer["The time for editing this post has passed."],
        DiscussionOutcome.NotAllowed => localizer["You cannot do that here."],
        DiscussionOutcome.Suspended => localizer["A moderator has suspended you from posting in this cohort until {date}. You can still read.",
            TimeZoneInfo.ConvertTime(result.Until ?? default, zone).ToString("g", CultureInfo.CurrentCulture)],
        _ => localizer["That did not work."],
    };

    public static void AddRetryAfter(this HttpResponse response, PostResult result)
    {
        if (result.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
