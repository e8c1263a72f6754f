namespace CoSie.Platform.Web.Features.Courses.Media;

public enum MediaKind
{
    Image,
    Audio,
    Video,
}
