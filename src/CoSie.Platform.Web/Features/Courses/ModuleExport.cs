using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Web.Features.Courses;

// Markdown with front matter: importing the file again gives the same module back.
public static class ModuleExport
{
    public static string ToMarkdown(CourseModule module) => ModuleMarkdownExporter.Export(
        module.Title,
        module.Slug,
        summary: null,
        module.BodyHtml,
        module.Prompts.OrderBy(p => p.Position).Select(p => p.Text).ToList(),
        module.Literature.Select(l => l.Html).ToList());
}
