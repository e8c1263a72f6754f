namespace CoSie.Platform.Web.Features.Courses.Import;

// The part of a page whose raw HTML is measured, named in a refusal with the line and column inside it.
internal enum PagePart
{
    Title,
    Content,
}
