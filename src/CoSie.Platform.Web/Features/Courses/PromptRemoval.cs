namespace CoSie.Platform.Web.Features.Courses;

// The one rule for taking a prompt out of a module: a prompt members have reflected on is never removed, because its
// reflections and their discussions would go with it (they cascade). The module editor refuses to remove it; a
// re-import whose source no longer has it keeps it in the module.
public sealed class PromptRemoval(PlatformDbContext db)
{
    // Of these prompts, those with at least one reflection (deleted ones included: their replies hang off them too).
    public async Task<IReadOnlySet<Guid>> AnsweredAsync(IReadOnlyCollection<Guid> promptIds, CancellationToken cancellationToken)
    {
        if (promptIds.Count == 0)
        {
            return new HashSet<Guid>();
        }
        var ids = promptIds.ToList();
        var answered = await db.Reflections.Where(r => ids.Contains(r.PromptId)).Select(r => r.PromptId).Distinct().ToListAsync(cancellationToken);
        return answered.ToHashSet();
    }
}
