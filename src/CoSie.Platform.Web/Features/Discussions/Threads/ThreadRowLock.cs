namespace CoSie.Platform.Web.Features.Discussions.Threads;

public static class ThreadRowLock
{
    // Every write to a thread holds its reflection's row lock until commit: event sequences, sibling positions and
    // counts then never race, and the version bump commits with the write it stands for.
    public static async Task LockThreadRowAsync(this PlatformDbContext db, Guid reflectionId, CancellationToken cancellationToken) =>
        // The table name follows the model's snake_case naming convention (see ReflectionConfiguration).
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM reflections WHERE id = {reflectionId} FOR UPDATE", cancellationToken);
}
