namespace CoSie.Platform.Web.Features.Courses.Import;

// Why a file referenced by a page was not copied into the platform.
public enum MediaProblem
{
    Unreachable,
    TooLarge,
    WrongType,
    RefusedAddress,
    TooMany,
}
