namespace CoSie.Platform.Web.Features.Courses.Import;

internal enum HtmlNestingProblem
{
    None,
    TooDeep,
    TooManyElements,
}
