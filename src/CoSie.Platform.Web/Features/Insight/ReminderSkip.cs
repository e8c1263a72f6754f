namespace CoSie.Platform.Web.Features.Insight;

// Why a selected member gets no reminder.
public enum ReminderSkip
{
    None = 0,
    // Reminded of this prompt within CohortNudge.Interval.
    RemindedRecently = 1,
    // Switched reminders from this cohort off.
    Stopped = 2,
    // No address a mail can go to: unconfirmed, or a disabled account.
    NoMail = 3,
}
