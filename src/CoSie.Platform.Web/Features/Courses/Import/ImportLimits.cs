using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Bound from the "Import" configuration section. An upload is parsed by CourseImportJob, so these bounds decide how
// long the worst file can hold a job worker: nesting and element counts are checked before the expensive cleaning, and the
// time bound catches whatever those do not foresee.
public sealed class ImportLimits
{
    public const string Section = "Import";

    // The upload page's own request limits sit a little above the ceiling, so any setting up to it gets its message.
    [Range(1024, ModuleImporter.MaxFileBytes)]
    public int MaxFileBytes { get; set; } = ModuleImporter.MaxFileBytes;

    // How deeply JSON values, HTML elements or Markdown quotes and lists may nest. Real pages stay below 30.
    [Range(8, 1000)]
    public int MaxDepth { get; set; } = 64;

    // HTML elements in one file, all its pages together (a long real page has a few hundred). Cleaning a page takes
    // more than linear time in its elements, so this bounds the work of the whole file.
    [Range(100, 1_000_000)]
    public int MaxElements { get; set; } = 10_000;

    // How long reading one file may take before it is refused. The depth and element limits bound the work; this is the
    // backstop, counted on the wall clock, so it leaves room for a busy machine: at 2 s a two-core server starting
    // several services at once refused the demo's own course.
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;
}
