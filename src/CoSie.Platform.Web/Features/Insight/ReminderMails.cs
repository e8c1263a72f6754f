using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Npgsql;

namespace CoSie.Platform.Web.Features.Insight;

// Sends one reminder: holds its row (FOR UPDATE SKIP LOCKED) so that two runs at once send it once, asks again
// whether the member still wants reminders and can be mailed, and marks it after the SMTP server accepted.
public sealed class ReminderMails(PlatformDbContext db, TenantContext tenant, EmailSender sender, ReminderMail mail, TimeProvider clock)
{
    public async Task<bool> SendAsync(Guid nudgeId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var nudge = await db.CohortNudges.FromSqlRaw(
                "SELECT * FROM cohort_nudges WHERE id = @id AND mailed_at IS NULL FOR UPDATE SKIP LOCKED", new NpgsqlParameter("id", nudgeId))
            .SingleOrDefaultAsync(cancellationToken);
        if (nudge is null)
        {
            return false;
        }
        var letter = await (
                from m in db.CohortMembers
                where m.CohortId == nudge.CohortId && m.UserId == nudge.UserId && !m.RemindersStopped
                join u in db.Users on m.UserId equals u.Id
                where u.EmailConfirmed && !u.IsDisabled && u.Email != null
                join c in db.Cohorts on m.CohortId equals c.Id
                select new
                {
                    u.Email,
                    u.DisplayName,
                    u.Language,
                    u.Culture,
                    CohortName = c.Name,
                    Prompt = db.ReflectionPrompts.Where(p => p.Id == nudge.PromptId).Select(p => p.Text).FirstOrDefault(),
                    Sender = db.Users.Where(s => s.Id == nudge.SentById).Select(s => s.DisplayName).FirstOrDefault(),
                })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var sent = false;
        if (letter?.Prompt is not null)
        {
            var institution = tenant.Required;
            await sender.SendAsync(mail.Build(new ReminderLetter(
                institution, nudge.UserId, letter.Email!, letter.DisplayName, letter.Sender, nudge.CohortId, letter.CohortName,
                nudge.PromptId, letter.Prompt, Locale.For(letter.Language, letter.Culture, institution.DefaultCulture))), cancellationToken);
            sent = true;
        }
        // Marked also when nothing went out (the member left or stopped reminders meanwhile): there is nothing to retry.
        nudge.MailedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }
}
