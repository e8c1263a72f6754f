namespace CoSie.Platform.Web.Features.Courses.Import;

public enum SiteProblemKind
{
    NotHttps,
    RefusedAddress,
    Unreachable,
    TimedOut,
    Status,
    NoSuchType,
    NotJson,
    TooManyPages,
    TooLarge,
    WaitTooLong,
    Empty,
}
