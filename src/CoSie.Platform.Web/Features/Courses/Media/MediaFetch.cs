using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Web.Features.Courses.Media;

public sealed record MediaFetch(byte[]? Content, MediaProblem? Problem)
{
    public static MediaFetch Failed(MediaProblem problem) => new(null, problem);
}
