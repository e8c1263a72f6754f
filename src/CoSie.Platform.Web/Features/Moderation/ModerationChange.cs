namespace CoSie.Platform.Web.Features.Moderation;

// What an action did to a post, for the audit log, the thread's event stream (none when nothing visible changed)
// and the author's notification (none for changes that are not about them).
public sealed record ModerationChange(ModerationActionKind Action, ThreadEventKind? Event, NotificationKind? Notify, string Reason);
