using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

// The person's digest choice per cohort. An account spans institutions and this page belongs to the account, so it
// lists the person's cohorts in every institution, grouped by institution, at the platform's root and under an
// institution's prefix or host name alike; there the current institution's group comes first. A digest's "choose how
// often" link leads here from inside its institution, and a person who then missed their other cohorts would think
// those digests were gone.
public sealed class DigestsModel(PlatformDbContext db, TenantContext tenant, TenantScopes scopes, IStringLocalizer<DigestsModel> localizer) : PageModel
{
    public IReadOnlyList<CohortChoice> Cohorts { get; private set; } = [];

    public IReadOnlyList<IGrouping<Guid, CohortChoice>> Institutions { get; private set; } = [];

    // Mail about replies to the person's posts and mentions of them: the account's own, in every institution.
    [BindProperty]
    public MailsInput Mails { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        Mails = await db.Users.Where(u => u.Id == userId)
            .Select(u => new MailsInput { ReplyMails = u.ReplyMails, MentionMails = u.MentionMails, BatchMinutes = u.MailBatchMinutes })
            .SingleAsync(cancellationToken);
        Cohorts = await LoadAsync(cancellationToken);
        var here = tenant.Institution?.Id;
        Institutions = Cohorts.GroupBy(c => c.InstitutionId).OrderBy(g => g.Key == here ? 0 : 1).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid cohortId, DigestFrequency frequency, CancellationToken cancellationToken)
    {
        var mine = (await LoadAsync(cancellationToken)).SingleOrDefault(c => c.CohortId == cohortId);
        if (mine is null || !Enum.IsDefined(frequency))
        {
            return NotFound();
        }
        // The membership row belongs to its institution; it is changed from inside that institution only.
        await using (var scope = await scopes.EnterAsync(mine.InstitutionId, cancellationToken))
        {
            await scope.ServiceProvider.GetRequiredService<DigestPreferences>().SetAsync(cohortId, UserId, frequency, cancellationToken);
        }
        TempData["Status"] = localizer["Your digest choice for {cohort} is saved.", mine.CohortName].Value;
        return RedirectToPage();
    }

    // Reminders from a cohort's instructors, switched off by a reminder's unsubscribe link, come back on here.
    public async Task<IActionResult> OnPostRemindersAsync(Guid cohortId, bool reminders, CancellationToken cancellationToken)
    {
        var mine = (await LoadAsync(cancellationToken)).SingleOrDefault(c => c.CohortId == cohortId);
        if (mine is null)
        {
            return NotFound();
        }
        await using (var scope = await scopes.EnterAsync(mine.InstitutionId, cancellationToken))
        {
            await scope.ServiceProvider.GetRequiredService<DigestPreferences>().SetRemindersAsync(cohortId, UserId, reminders, cancellationToken);
        }
        TempData["Status"] = reminders
            ? localizer["Reminders from the instructors of {cohort} are on.", mine.CohortName].Value
            : localizer["Reminders from the instructors of {cohort} are off.", mine.CohortName].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMailsAsync(CancellationToken cancellationToken)
    {
        if (!PlatformUser.MailBatchChoices.Contains(Mails.BatchMinutes))
        {
            return BadRequest();
        }
        var userId = UserId;
        var (reply, mention, minutes) = (Mails.ReplyMails, Mails.MentionMails, Mails.BatchMinutes);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.ReplyMails, reply)
            .SetProperty(u => u.MentionMails, mention)
            .SetProperty(u => u.MailBatchMinutes, minutes), cancellationToken);
        TempData["Status"] = localizer["Your choice of mails is saved."].Value;
        return RedirectToPage();
    }

    private Guid UserId => User.RequiredAccountId();

    public sealed class MailsInput
    {
        public bool ReplyMails { get; set; }
        public bool MentionMails { get; set; }
        public int BatchMinutes { get; set; } = PlatformUser.DefaultMailBatchMinutes;
    }

    private async Task<IReadOnlyList<CohortChoice>> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        // Across institutions on purpose (the filter lifted, and row-level security told so by AcrossInstitutionsAsync),
        // and only the signed-in person's own memberships: the Where on the user is what keeps everyone else's out.
        return await db.AcrossInstitutionsAsync(across => (
                from m in across.CohortMembers.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                where m.UserId == userId
                join c in across.Cohorts.IgnoreQueryFilters([PlatformDbContext.TenantFilter]) on m.CohortId equals c.Id
                join i in across.Institutions on m.InstitutionId equals i.Id
                orderby i.Name, i.Id, c.Name
                select new CohortChoice(m.CohortId, m.InstitutionId, c.Name, i.Name, m.DigestFrequency, !m.RemindersStopped))
            .AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    public sealed record CohortChoice(Guid CohortId, Guid InstitutionId, string CohortName, string InstitutionName, DigestFrequency Frequency, bool Reminders);
}
