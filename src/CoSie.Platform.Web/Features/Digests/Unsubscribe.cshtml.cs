using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Digests;

// The link in every digest. GET only shows a choice, because mail scanners open links; POST changes the
// preference. Mail clients send the RFC 8058 one-click POST ("List-Unsubscribe=One-Click") without cookies and
// without an antiforgery token, so the page ignores antiforgery: the signed token in the address is what proves
// the request comes from the mail, and it can only change that one member's digest for that one cohort.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, TenantScopes scopes, InstitutionDirectory directory, TenantContext tenant) : PageModel
{
    public string CohortName { get; private set; } = string.Empty;
    public string InstitutionName { get; private set; } = string.Empty;
    public DigestFrequency Current { get; private set; }
    public bool Invalid { get; private set; }
    public DigestFrequency? Applied { get; private set; }

    // The digest, or the mails about replies or mentions (whose POST switches them off for the whole account).
    public UnsubscribeTopic Topic { get; private set; }
    public bool MailsStopped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return Refuse();
        }
        await using var scope = found.Value.Scope;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string token, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return Refuse();
        }
        await using var scope = found.Value.Scope;
        if (Topic == UnsubscribeTopic.Reminders)
        {
            // Reminders are one cohort's: only this member's reminders from this cohort stop.
            var members = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().CohortMembers;
            var (cohortId, memberId) = (found.Value.Token.CohortId, found.Value.Token.UserId);
            if (await members.Where(m => m.CohortId == cohortId && m.UserId == memberId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.RemindersStopped, true), cancellationToken) == 0)
            {
                return Refuse();
            }
            MailsStopped = true;
            return Page();
        }
        if (Topic != UnsubscribeTopic.Digest)
        {
            // One-click or the page's button: either way this kind of mail stops, and nothing else changes.
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var userId = found.Value.Token.UserId;
            var changed = Topic == UnsubscribeTopic.ReplyMails
                ? await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ReplyMails, false), cancellationToken)
                : await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.MentionMails, false), cancellationToken);
            if (changed == 0)
            {
                return Refuse();
            }
            MailsStopped = true;
            return Page();
        }
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(cancellationToken) : null;
        DigestFrequency choice;
        if (form is not null && string.Equals(form["List-Unsubscribe"], "One-Click", StringComparison.Ordinal))
        {
            choice = DigestFrequency.Off;
        }
        else if (form is not null && Enum.TryParse<DigestFrequency>(form["choice"], out var chosen) && chosen is DigestFrequency.Off or DigestFrequency.EveryTwoWeeks or DigestFrequency.Weekly)
        {
            choice = chosen;
        }
        else
        {
            choice = DigestFrequency.Off;
        }
        var preferences = scope.ServiceProvider.GetRequiredService<DigestPreferences>();
        if (!await preferences.SetAsync(found.Value.Token.CohortId, found.Value.Token.UserId, choice, cancellationToken))
        {
            return Refuse();
        }
        // 200 with a short page, never a redirect: RFC 8058 clients read the status of this very response.
        Applied = choice;
        Current = choice;
        return Page();
    }

    // Whatever is wrong with the token (garbage, tampered, expired, another institution's, a member who left), the
    // answer is the same friendly page with 404: nothing here tells a token that once worked from one that never did.
    private PageResult Refuse()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<(UnsubscribeToken Token, AsyncServiceScope Scope)?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var read = tokens.Read(token);
        if (read is null)
        {
            return null;
        }
        // On an institution's own host name or prefix, a token of another institution is not valid.
        if (tenant.Institution is { } here && here.Id != read.InstitutionId)
        {
            return null;
        }
        var institution = await directory.FindByIdAsync(read.InstitutionId, cancellationToken);
        if (institution is null)
        {
            return null;
        }
        var scope = scopes.Enter(institution);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var member = await (
                from m in db.CohortMembers
                where m.CohortId == read.CohortId && m.UserId == read.UserId
                join c in db.Cohorts on m.CohortId equals c.Id
                select new { c.Name, m.DigestFrequency })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            await scope.DisposeAsync();
            return null;
        }
        CohortName = member.Name;
        Topic = read.Topic;
        InstitutionName = institution.Name;
        Current = member.DigestFrequency;
        return (read, scope);
    }
}
