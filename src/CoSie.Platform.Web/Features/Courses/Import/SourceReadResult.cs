namespace CoSie.Platform.Web.Features.Courses.Import;

internal sealed record SourceReadResult(IReadOnlyList<ModuleSource> Sources, SourceProblem? Problem)
{
    public static SourceReadResult Ok(IReadOnlyList<ModuleSource> sources) => new(sources, null);

    public static SourceReadResult Fail(SourceProblem problem) => new([], problem);
}
