namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// One post a notification mail tells of.
public sealed record MailedPost(Guid PostId, bool IsReflection, string? AuthorName, string Excerpt, DateTimeOffset At);
