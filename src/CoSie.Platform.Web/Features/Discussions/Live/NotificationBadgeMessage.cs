namespace CoSie.Platform.Web.Features.Discussions.Live;

public sealed record NotificationBadgeMessage(Guid InstitutionId, int Unread);
