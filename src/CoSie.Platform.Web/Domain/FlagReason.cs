namespace CoSie.Platform.Web.Domain;

public enum FlagReason
{
    Spam = 0,
    Harassment = 1,
    OffTopic = 2,
    Other = 3,
}
