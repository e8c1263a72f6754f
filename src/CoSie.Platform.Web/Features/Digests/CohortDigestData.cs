namespace CoSie.Platform.Web.Features.Digests;

// What a cohort's digests draw from, loaded once per cohort and shared by every reader's digest.
public sealed class CohortDigestData(
    Cohort cohort,
    string courseSlug,
    string courseTitle,
    IReadOnlyDictionary<Guid, (string Text, string ModuleSlug)> prompts,
    IReadOnlyList<CohortDigestData.ModuleRow> modules,
    IReadOnlyList<DigestPostRow> reflections,
    IReadOnlyList<DigestPostRow> replies,
    IReadOnlyList<DigestPostRow> pinned,
    IReadOnlyList<DigestSynthesis> syntheses)
{
    private readonly Dictionary<Guid, string> _excerpts = [];

    public Cohort Cohort { get; } = cohort;
    public string CourseSlug { get; } = courseSlug;
    public string CourseTitle { get; } = courseTitle;
    public IReadOnlyDictionary<Guid, (string Text, string ModuleSlug)> Prompts { get; } = prompts;
    public IReadOnlyList<ModuleRow> Modules { get; } = modules;
    public IReadOnlyList<DigestPostRow> Reflections { get; } = reflections;
    public IReadOnlyList<DigestPostRow> Replies { get; } = replies;

    // Reflections the cohort's moderators pinned, whenever they were written: instructors pin what everyone should read.
    public IReadOnlyList<DigestPostRow> Pinned { get; } = pinned;

    // Syntheses of the cohort closed in the period (not hidden); each reader gets those closed in their own period.
    public IReadOnlyList<DigestSynthesis> Syntheses { get; } = syntheses;

    // Each post's excerpt is rendered once, however many digests show it.
    public string Excerpt(DigestPostRow post, Func<string, string> render)
    {
        var id = post.ReplyId ?? post.ReflectionId;
        if (!_excerpts.TryGetValue(id, out var excerpt))
        {
            excerpt = render(post.Source);
            _excerpts[id] = excerpt;
        }
        return excerpt;
    }

    public sealed record ModuleRow(string Title, string Slug, IReadOnlyList<Guid> PromptIds);
}
