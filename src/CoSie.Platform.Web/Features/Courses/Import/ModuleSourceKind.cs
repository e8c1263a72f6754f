namespace CoSie.Platform.Web.Features.Courses.Import;

public static class ModuleSourceKind
{
    public const string WordPress = "wordpress";
    public const string Markdown = "markdown";
}
