using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Hangfire;
using MimeKit;
using Npgsql;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// Mail about replies to a person's posts and mentions of them, batched: a notification waits its recipient's
// MailBatchMinutes, and one mail then tells of everything of that kind in that thread gathered meanwhile. A thread
// gets at most one such mail per batch time: a notification that arrives after a mail waits its own full batch time.
// At sending, the rules are asked again: nothing read on the site already, nothing about a post that is no longer
// visible or a thread the person may no longer read, nothing after the person switched that mail off.
public sealed class NotificationMails(
    PlatformDbContext db,
    TenantContext tenant,
    DiscussionAccess access,
    IBackgroundJobClient jobs,
    EmailSender sender,
    NotificationMail mail,
    TimeProvider clock,
    ILogger<NotificationMails> logger)
{
    public static bool Mailable(NotificationKind kind) => kind is NotificationKind.Reply or NotificationKind.Mention;

    // In the unit of work that adds the notifications: marks those to mail and schedules one job per thread and kind
    // unless one is waiting already. A job whose transaction then rolls back finds nothing and sends nothing.
    public async Task QueueAsync(IReadOnlyList<Notification> added, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mailable = added.Where(n => Mailable(n.Kind)).ToList();
        if (mailable.Count == 0)
        {
            return;
        }
        var userIds = mailable.Select(n => n.UserId).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.ReplyMails, u.MentionMails, u.MailBatchMinutes })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var institutionId = tenant.Required.Id;
        foreach (var notification in mailable)
        {
            if (!people.TryGetValue(notification.UserId, out var person)
                || !(notification.Kind == NotificationKind.Reply ? person.ReplyMails : person.MentionMails))
            {
                continue;
            }
            // Only replies and mentions are mailed, and those always have their thread.
            if (notification.ReflectionId is not { } reflectionId)
            {
                continue;
            }
            var (userId, kind) = (notification.UserId, notification.Kind);
            var waiting = db.Notifications.Local.Any(o => o != notification && o.UserId == userId && o.ReflectionId == reflectionId && o.Kind == kind && o.MailDueAt != null && o.MailedAt == null)
                || await db.Notifications.AnyAsync(o => o.UserId == userId && o.ReflectionId == reflectionId && o.Kind == kind && o.MailDueAt != null && o.MailedAt == null, cancellationToken);
            var due = now.AddMinutes(Math.Max(1, person.MailBatchMinutes));
            notification.MailDueAt = due;
            if (!waiting)
            {
                jobs.Schedule<NotificationMailJob>(job => job.SendAsync(institutionId, userId, reflectionId, kind, CancellationToken.None), due);
            }
        }
    }

    // The mail of one person's pending notifications of one kind in one thread, if it is due. Holds those rows (FOR UPDATE
    // SKIP LOCKED) until they are marked, so two runs at once send it once; marks them after the SMTP server accepted.
    public async Task<MailOutcome> SendAsync(Guid userId, Guid reflectionId, NotificationKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = await db.Notifications.FromSqlRaw("""
                SELECT * FROM notifications
                WHERE user_id = @user AND reflection_id = @reflection AND kind = @kind AND mail_due_at IS NOT NULL AND mailed_at IS NULL
                ORDER BY created_at FOR UPDATE SKIP LOCKED
                """,
                new NpgsqlParameter("user", userId), new NpgsqlParameter("reflection", reflectionId), new NpgsqlParameter("kind", kind.ToString()))
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return MailOutcome.Nothing;
        }
        var due = pending.Min(n => n.MailDueAt!.Value);
        if (due > now)
        {
            return MailOutcome.NotYet(due);
        }
        var message = await ComposeAsync(userId, reflectionId, kind, pending, cancellationToken);
        if (message is not null)
        {
            await sender.SendAsync(message, cancellationToken);
            logger.LogInformation("Mailed {Count} {Kind} notifications of thread {ReflectionId} to user {UserId}", pending.Count, kind, reflectionId, userId);
        }
        foreach (var notification in pending)
        {
            notification.MailedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return message is null ? MailOutcome.Nothing : MailOutcome.Mailed;
    }

    private async Task<MimeMessage?> ComposeAsync(Guid userId, Guid reflectionId, NotificationKind kind, List<Notification> pending, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.EmailConfirmed, u.IsDisabled, u.DisplayName, u.Language, u.Culture, u.TimeZoneId, u.ReplyMails, u.MentionMails })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null || person.IsDisabled || !person.EmailConfirmed || string.IsNullOrEmpty(person.Email)
            || !(kind == NotificationKind.Reply ? person.ReplyMails : person.MentionMails))
        {
            return null;
        }
        if (!await access.CanReadAsync(reflectionId, userId, cancellationToken))
        {
            return null;
        }
        var unread = pending.Where(n => n.ReadAt is null).ToList();
        var postIds = unread.Select(n => n.PostId).Distinct().ToList();
        if (postIds.Count == 0)
        {
            return null;
        }
        var thread = await (
                from r in db.Reflections
                where r.Id == reflectionId
                join p in db.ReflectionPrompts on r.PromptId equals p.Id
                join c in db.Cohorts on r.CohortId equals c.Id
                select new { r.CohortId, PromptText = p.Text, CohortName = c.Name })
            .AsNoTracking().SingleAsync(cancellationToken);
        var posts = await (
                from r in db.Replies
                where postIds.Contains(r.Id) && r.Status == PostStatus.Visible
                select new { r.Id, IsReflection = false, Author = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), Source = r.BodySource.Substring(0, PostExcerpt.SourceLength), r.CreatedAt })
            .Concat(
                from r in db.Reflections
                where postIds.Contains(r.Id) && r.Status == PostStatus.Visible
                select new { r.Id, IsReflection = true, Author = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), Source = r.BodySource.Substring(0, PostExcerpt.SourceLength), r.CreatedAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        if (posts.Count == 0)
        {
            return null;
        }
        var institution = tenant.Required;
        var letter = new NotificationLetter(
            institution, userId, person.Email, person.DisplayName, kind, thread.CohortId, thread.CohortName, reflectionId, thread.PromptText,
            [.. posts.OrderBy(p => p.CreatedAt).Select(p => new MailedPost(p.Id, p.IsReflection, p.Author, PostExcerpt.Of(p.Source), p.CreatedAt))],
            ReaderTimeZone.Of(person.TimeZoneId, institution.TimeZoneId),
            Locale.For(person.Language, person.Culture, institution.DefaultCulture));
        return mail.Build(letter);
    }
}
