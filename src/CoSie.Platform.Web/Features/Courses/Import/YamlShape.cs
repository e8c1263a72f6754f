namespace CoSie.Platform.Web.Features.Courses.Import;

// The shape a front matter value has where another was expected.
internal enum YamlShape
{
    List,
    Pairs,
    Value,
}
