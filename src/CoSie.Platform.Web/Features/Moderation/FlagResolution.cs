namespace CoSie.Platform.Web.Features.Moderation;

// Closes a post's open flags inside the unit of work of the action that answers them.
public sealed class FlagResolution(PlatformDbContext db)
{
    public async Task CloseAsync(Guid postId, Guid? moderatorId, FlagOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var flag in await db.Flags.Where(f => f.PostId == postId && f.ResolvedAt == null).ToListAsync(cancellationToken))
        {
            flag.ResolvedAt = now;
            flag.ResolvedById = moderatorId;
            flag.Outcome = outcome;
        }
    }
}
