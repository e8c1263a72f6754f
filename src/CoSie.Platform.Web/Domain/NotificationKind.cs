namespace CoSie.Platform.Web.Domain;

public enum NotificationKind
{
    Reply = 0,
    Mention = 1,
}
