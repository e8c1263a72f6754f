namespace CoSie.Platform.Web.Features.Courses.Import;

internal sealed record SourceReadResult(IReadOnlyList<ModuleSource> Sources, ImportError? Error)
{
    public static SourceReadResult Ok(IReadOnlyList<ModuleSource> sources) => new(sources, null);

    public static SourceReadResult Fail(string message, int? line = null, int? position = null) =>
        new([], new ImportError(message, line, position));
}
