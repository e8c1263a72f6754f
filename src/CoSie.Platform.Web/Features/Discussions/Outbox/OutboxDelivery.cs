using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Tenancy;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Delivers one institution's outbox entries, a batch per transaction: takes the oldest entries no other worker holds
// (FOR UPDATE SKIP LOCKED, so instances share the table), writes their notifications, deletes them and commits; the
// pushes go to the push queue only after that commit. Row-level security binds the scope to its institution.
public sealed class OutboxDelivery(
    PlatformDbContext db,
    TenantContext tenant,
    Mentions mentions,
    DiscussionNotifications notifications,
    LivePushes pushes,
    IOptions<DiscussionOptions> options,
    IEnumerable<IPostPublishedListener> listeners,
    ILogger<OutboxDelivery> logger)
{
    // Delivers batches until none is left; returns the number of entries delivered. With waitForOthers, entries that
    // another worker holds are waited for instead of skipped (tests use it to know that everything committed before
    // the call has been delivered).
    public async Task<int> DeliverAllAsync(bool waitForOthers, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var delivered = await DeliverBatchAsync(waitForOthers, cancellationToken);
            total += delivered;
            if (delivered < options.Value.OutboxBatchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> DeliverBatchAsync(bool waitForOthers, CancellationToken cancellationToken)
    {
        var institutionId = tenant.Required.Id;
        var batch = options.Value.OutboxBatchSize;
        var work = new List<ThreadPush>();
        var published = new List<PublishedPost>();
        List<DiscussionOutboxEntry> entries;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var sql = $"""
                SELECT * FROM discussion_outbox
                WHERE institution_id = @institution AND attempts < @attempts
                ORDER BY id LIMIT @batch FOR UPDATE{(waitForOthers ? "" : " SKIP LOCKED")}
                """;
            entries = await db.DiscussionOutbox.FromSqlRaw(sql,
                    new NpgsqlParameter("institution", institutionId),
                    new NpgsqlParameter("attempts", DiscussionOutboxEntry.MaxAttempts),
                    new NpgsqlParameter("batch", batch))
                .IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                .ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return 0;
            }
            try
            {
                foreach (var entry in entries)
                {
                    var notified = await NotifyAsync(entry, cancellationToken);
                    work.Add(new ThreadPush(institutionId, entry.ReflectionId, entry.EventSequence, [.. notified.Concat(entry.BadgeUserIds).Distinct()]));
                    if (entry.PostId is { } postId && entry.ActorId is { } actorId && !entry.IsEdit)
                    {
                        published.Add(new PublishedPost(entry.ReflectionId, postId, actorId));
                    }
                }
                db.DiscussionOutbox.RemoveRange(entries);
                await db.SaveChangesAsync(cancellationToken);
                await TellListenersAsync(published, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await CountFailureAsync(entries, e);
                return entries.Count;
            }
        }
        foreach (var push in work)
        {
            pushes.Enqueue(push);
        }
        return entries.Count;
    }

    // In the delivery's transaction, so that what a listener writes is there as soon as the entries are gone (whoever
    // waits for the entries also waits for their listeners); a listener's failure never undoes the notifications.
    private async Task TellListenersAsync(List<PublishedPost> published, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        if (published.Count == 0)
        {
            return;
        }
        await ListenerSavepoints.CallEachAsync(db, transaction, listeners,
            listener => listener.PublishedAsync(published, cancellationToken),
            (listener, e) => logger.LogError(e, "{Listener} failed on {Count} published posts", listener.GetType().Name, published.Count),
            cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> NotifyAsync(DiscussionOutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.PostId is not { } postId || entry.ActorId is not { } actorId || (entry.RepliedToAuthorId is null && !entry.FindMentions))
        {
            return [];
        }
        var thread = await db.Reflections.AsNoTracking().SingleAsync(r => r.Id == entry.ReflectionId, cancellationToken);
        // The post as it stands now: one deleted or held for approval meanwhile notifies nobody.
        var post = postId == thread.Id
            ? new { thread.BodySource, thread.Status }
            : await db.Replies.Where(r => r.Id == postId).Select(r => new { r.BodySource, r.Status }).SingleAsync(cancellationToken);
        if (post.Status != PostStatus.Visible)
        {
            return [];
        }
        var mentioned = entry.FindMentions ? await mentions.FindAsync(thread.CohortId, post.BodySource, cancellationToken) : [];
        if (entry.IsEdit)
        {
            return await notifications.AddNewMentionsAsync(thread, postId, actorId, mentioned, entry.CreatedAt, cancellationToken);
        }
        return await notifications.AddAsync(thread, postId, actorId, entry.RepliedToAuthorId, mentioned, entry.CreatedAt, cancellationToken);
    }

    private async Task CountFailureAsync(List<DiscussionOutboxEntry> entries, Exception e)
    {
        var ids = entries.Select(x => x.Id).ToArray();
        var last = entries.Where(x => x.Attempts + 1 >= DiscussionOutboxEntry.MaxAttempts).Select(x => x.Id).ToList();
        if (last.Count > 0)
        {
            logger.LogError(e, "Gave up delivering discussion outbox entries {Ids} after {Attempts} attempts; they stay in discussion_outbox", last, DiscussionOutboxEntry.MaxAttempts);
        }
        else
        {
            logger.LogWarning(e, "Could not deliver {Count} discussion outbox entries; they are tried again", entries.Count);
        }
        await db.DiscussionOutbox.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(x => ids.Contains(x.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, x => x.Attempts + 1), CancellationToken.None);
    }
}
