namespace CoSie.Platform.Web.Features.Discussions.Notifications;

public sealed record MemberName(Guid UserId, string Name);
