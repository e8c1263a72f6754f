namespace CoSie.Platform.Web.Features.Discussions;

public sealed record NotificationBadgeMessage(Guid InstitutionId, int Unread);
