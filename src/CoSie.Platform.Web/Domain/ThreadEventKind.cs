namespace CoSie.Platform.Web.Domain;

public enum ThreadEventKind
{
    ReflectionPosted = 0,
    ReplyPosted = 1,
    PostEdited = 2,
    PostDeleted = 3,
    HelpfulChanged = 4,
}
