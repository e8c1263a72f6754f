namespace CoSie.Platform.Web.Features.Courses.Import;

// LeftOut counts, by post type, what a whole-site export holds besides the pages it imports.
internal sealed record SourceReadResult(IReadOnlyList<ModuleSource> Sources, SourceProblem? Problem, IReadOnlyList<LeftOut> LeftOut)
{
    public static SourceReadResult Ok(IReadOnlyList<ModuleSource> sources, IReadOnlyList<LeftOut>? leftOut = null) =>
        new(sources, null, leftOut ?? []);

    public static SourceReadResult Fail(SourceProblem problem) => new([], problem, []);
}
