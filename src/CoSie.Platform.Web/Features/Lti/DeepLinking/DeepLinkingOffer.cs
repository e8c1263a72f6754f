namespace CoSie.Platform.Web.Features.Lti.DeepLinking;

// What the picker offers: the institution's courses with their published modules, and each module's prompts that every
// cohort is asked, in their order.
public sealed class DeepLinkingOffer(PlatformDbContext db)
{
    public sealed record OfferedModule(DeepLinkingChoice Choice, IReadOnlyList<DeepLinkingChoice> Prompts);

    public sealed record OfferedCourse(string Title, IReadOnlyList<OfferedModule> Modules);

    public async Task<IReadOnlyList<OfferedCourse>> ListAsync(CancellationToken cancellationToken)
    {
        var modules = await db.Modules.AsNoTracking().Where(m => m.Status == ModuleStatus.Published)
            .Join(db.Courses, m => m.CourseId, c => c.Id, (m, c) => new { m.Id, m.Slug, m.Title, m.Position, CourseId = c.Id, CourseSlug = c.Slug, CourseTitle = c.Title })
            .OrderBy(m => m.CourseTitle).ThenBy(m => m.CourseId).ThenBy(m => m.Position).ToListAsync(cancellationToken);
        var moduleIds = modules.Select(m => m.Id).ToList();
        var prompts = await db.ReflectionPrompts.AsNoTracking().Where(p => p.CohortId == null && moduleIds.Contains(p.ModuleId))
            .OrderBy(p => p.Position).Select(p => new { p.Id, p.ModuleId, p.Text }).ToListAsync(cancellationToken);
        return [.. modules.GroupBy(m => (m.CourseId, m.CourseTitle)).Select(course => new OfferedCourse(course.Key.CourseTitle, [.. course.Select(m => new OfferedModule(
            new DeepLinkingChoice("module:" + m.Id, m.Title, m.CourseSlug, m.Slug, null),
            [.. prompts.Where(p => p.ModuleId == m.Id).Select(p => new DeepLinkingChoice("prompt:" + p.Id, p.Text, m.CourseSlug, m.Slug, p.Id))]))]))];
    }

    // The choices a form names, if each is on offer; null when any is not.
    public static IReadOnlyList<DeepLinkingChoice>? Find(IReadOnlyList<OfferedCourse> offer, IEnumerable<string> values)
    {
        var all = offer.SelectMany(c => c.Modules).SelectMany(m => m.Prompts.Prepend(m.Choice)).ToDictionary(c => c.Value, StringComparer.Ordinal);
        var found = new List<DeepLinkingChoice>();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            if (!all.TryGetValue(value, out var choice))
            {
                return null;
            }
            found.Add(choice);
        }
        return found;
    }
}
