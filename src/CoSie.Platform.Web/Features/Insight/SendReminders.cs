using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Insight;

// An instructor's reminder about one prompt to selected learners of a cohort. At most one per member and prompt within
// CohortNudge.Interval, none to members who stopped reminders or cannot be mailed. Each reminder sent is a nudge row
// and a line of the cohort's audit log, written together; the mails go out from ReminderMailJob after the commit.
public sealed class SendReminders(PlatformDbContext db, TenantContext tenant, IBackgroundJobClient jobs, TimeProvider clock, ILogger<SendReminders> logger)
{
    public const int MaxRecipients = 2000;

    // The learners of a worklist: those without a reflection on the prompt, or without a reply in a peer's thread of it
    // (the participation table's rules).
    public async Task<IReadOnlyList<ReminderCandidate>> CandidatesAsync(Guid cohortId, Guid promptId, string list, CancellationToken cancellationToken)
    {
        var learners = db.CohortMembers.Where(m => m.CohortId == cohortId && m.Role == CohortRole.Learner);
        learners = list == ReminderList.NotAnswered
            ? learners.Where(m => !db.Reflections.Any(r => r.CohortId == cohortId && r.PromptId == promptId && r.AuthorId == m.UserId && r.Status != PostStatus.Deleted))
            : learners.Where(m => !db.Replies.Any(x => x.AuthorId == m.UserId && x.Status != PostStatus.Deleted
                && db.Reflections.Any(r => r.Id == x.ReflectionId && r.CohortId == cohortId && r.PromptId == promptId && r.AuthorId != m.UserId)));
        return await (
            from m in learners
            join u in db.Users on m.UserId equals u.Id
            let name = u.DisplayName != "" ? u.DisplayName : u.Email ?? ""
            orderby name, u.Id
            select new ReminderCandidate(u.Id, name))
            .Take(MaxRecipients)
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    // Who of the selected members would get the reminder; members who are no learners of the cohort drop out.
    public async Task<ReminderPlan?> PlanAsync(Cohort cohort, Guid promptId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var prompt = await (
            from p in db.ReflectionPrompts
            join m in db.Modules on p.ModuleId equals m.Id
            where p.Id == promptId && m.CourseId == cohort.CourseId && m.Status == ModuleStatus.Published
            select new { p.Id, p.Text })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (prompt is null)
        {
            return null;
        }
        var ids = userIds.Distinct().Take(MaxRecipients).ToList();
        var since = clock.GetUtcNow() - CohortNudge.Interval;
        var cohortId = cohort.Id;
        var rows = await (
            from m in db.CohortMembers
            where m.CohortId == cohortId && m.Role == CohortRole.Learner && ids.Contains(m.UserId)
            join u in db.Users on m.UserId equals u.Id
            let name = u.DisplayName != "" ? u.DisplayName : u.Email ?? ""
            orderby name, u.Id
            select new
            {
                u.Id,
                Name = name,
                m.RemindersStopped,
                Mailable = u.EmailConfirmed && !u.IsDisabled && u.Email != null,
                Last = db.CohortNudges.Where(n => n.CohortId == cohortId && n.PromptId == promptId && n.UserId == u.Id && n.CreatedAt > since)
                    .Max(n => (DateTimeOffset?)n.CreatedAt),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        return new ReminderPlan(prompt.Id, prompt.Text, [.. rows.Select(r => new ReminderTarget(r.Id, r.Name,
            r.Last is not null ? ReminderSkip.RemindedRecently
            : r.RemindersStopped ? ReminderSkip.Stopped
            : !r.Mailable ? ReminderSkip.NoMail
            : ReminderSkip.None, r.Last))]);
    }

    // Plans again under the cohort's row lock, so two instructors sending at once cannot both remind the same member.
    public async Task<ReminderPlan?> SendAsync(Cohort cohort, Guid promptId, IReadOnlyCollection<Guid> userIds, Guid senderId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<CohortNudge> nudges;
        ReminderPlan? plan;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cohorts WHERE id = {cohort.Id} FOR UPDATE", cancellationToken);
            plan = await PlanAsync(cohort, promptId, userIds, cancellationToken);
            if (plan is null)
            {
                return null;
            }
            nudges = [.. plan.Sending.Select(t => new CohortNudge { CohortId = cohort.Id, PromptId = promptId, UserId = t.UserId, SentById = senderId, CreatedAt = now })];
            db.CohortNudges.AddRange(nudges);
            db.ModerationActions.AddRange(nudges.Select(n => new ModerationAction
            {
                CohortId = cohort.Id,
                ModeratorId = senderId,
                Kind = ModerationActionKind.Reminder,
                ReflectionId = null,
                SubjectUserId = n.UserId,
                Reason = Svg.Shorten(plan.PromptText, ModerationAction.MaxReasonLength - 1),
                At = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var institutionId = tenant.Required.Id;
        foreach (var nudge in nudges)
        {
            // REVIEW: a failure between the commit and here leaves a nudge without its mail job; its row says so
            // (MailedAt stays null), and the member can be reminded again after the interval.
            jobs.Enqueue<ReminderMailJob>(job => job.SendAsync(institutionId, nudge.Id, CancellationToken.None));
        }
        logger.LogInformation("User {SenderId} reminded {Count} members of cohort {CohortId} about prompt {PromptId}", senderId, nudges.Count, cohort.Id, promptId);
        return plan;
    }
}
