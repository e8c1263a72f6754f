using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Reflections, replies, visits and notifications written as the discussion use cases write them (the thread's event
// recorded with each post), but straight to the database: for tests whose subject is what is read, not the writing.
public static partial class Seed
{
    public static Task<Reflection> ReflectionAsync(
        this PlatformFactory factory, Institution institution, Cohort cohort, ReflectionPrompt prompt, PlatformUser? author, string text, PostStatus status = PostStatus.Visible) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var reflection = new Reflection
            {
                CohortId = cohort.Id,
                PromptId = prompt.Id,
                AuthorId = author?.Id,
                BodySource = text,
                BodyHtml = $"<p>{text}</p>",
                Status = status,
                CreatedAt = now,
                LastActivityAt = now,
            };
            db.Reflections.Add(reflection);
            db.ThreadEvents.Add(reflection.Record(ThreadEventKind.ReflectionPosted, reflection.Id, now));
            await db.SaveChangesAsync();
            return reflection;
        });

    public static Task<Reply> ReplyAsync(
        this PlatformFactory factory, Institution institution, Guid reflectionId, PlatformUser author, string text, Reply? parent = null, PostStatus status = PostStatus.Visible) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var thread = await db.Reflections.SingleAsync(r => r.Id == reflectionId);
            var parentRow = parent is null ? null : await db.Replies.SingleAsync(r => r.Id == parent.Id);
            var reply = thread.AddReply(parentRow, author.Id, text, $"<p>{text}</p>", now);
            reply.Status = status;
            db.Replies.Add(reply);
            db.ThreadEvents.Add(thread.Record(ThreadEventKind.ReplyPosted, reply.Id, now));
            await db.SaveChangesAsync();
            return reply;
        });

    // Many replies at once ("Reply 0", "Reply 1" ...) in one transaction, as a deep and wide tree: every third answers
    // the one before it. Returns their ids in tree order (by path), as the thread page lists them.
    public static Task<IReadOnlyList<Guid>> RepliesAsTreeAsync(this PlatformFactory factory, Institution institution, Guid reflectionId, PlatformUser author, int count) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var thread = await db.Reflections.SingleAsync(r => r.Id == reflectionId);
            var added = new List<Reply>(count);
            Reply? previous = null;
            for (var i = 0; i < count; i++)
            {
                var reply = thread.AddReply(i % 3 == 2 ? previous : null, author.Id, $"Reply {i}", $"<p>Reply {i}</p>", now);
                db.Replies.Add(reply);
                db.ThreadEvents.Add(thread.Record(ThreadEventKind.ReplyPosted, reply.Id, now));
                added.Add(reply);
                previous = reply;
            }
            await db.SaveChangesAsync();
            return (IReadOnlyList<Guid>)[.. added.OrderBy(r => r.Path, StringComparer.Ordinal).Select(r => r.Id)];
        });

    // The reader was last in the thread at visitedAt (now unless given) and had seen its events up to lastSeenSequence.
    public static Task<ThreadVisit> VisitAsync(
        this PlatformFactory factory, Institution institution, PlatformUser reader, Guid reflectionId, long lastSeenSequence, DateTimeOffset? visitedAt = null) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var visit = new ThreadVisit { UserId = reader.Id, ReflectionId = reflectionId, LastSeenSequence = lastSeenSequence, VisitedAt = visitedAt ?? factory.Clock.GetUtcNow() };
            db.ThreadVisits.Add(visit);
            await db.SaveChangesAsync();
            return visit;
        });

    public static Task<Notification> MentionAsync(
        this PlatformFactory factory, Institution institution, Cohort cohort, PlatformUser mentioned, Guid reflectionId, Guid postId, PlatformUser actor) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var notification = new Notification
            {
                UserId = mentioned.Id,
                Kind = NotificationKind.Mention,
                CohortId = cohort.Id,
                ReflectionId = reflectionId,
                PostId = postId,
                ActorId = actor.Id,
                CreatedAt = factory.Clock.GetUtcNow(),
            };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification;
        });
}
