using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Features.Cohorts;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace CoSie.Platform.Web.Features.Digests;

// The cohort's digest for its instructors and the institution's admins: a preview as any member would get it, a
// test mail to yourself, each week's delivery counts, every member's last delivery, resending a failed one, and
// sending this week's digests now.
[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class CohortDigestModel(
    PlatformDbContext db,
    CohortAccess access,
    DigestPreview preview,
    DigestEmail email,
    DigestClaims claims,
    EmailSender sender,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IStringLocalizer<CohortDigestModel> localizer) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<WeekRow> Weeks { get; private set; } = [];
    public Guid? PreviewMember { get; private set; }
    public string? PreviewSubject { get; private set; }
    public string? PreviewText { get; private set; }
    public bool PreviewEmpty { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? member, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        Cohort = grant.Cohort;
        await LoadAsync(cancellationToken);
        PreviewMember = member is { } chosen && Members.Any(m => m.UserId == chosen)
            ? chosen
            : Members.FirstOrDefault(m => m.Role == CohortRole.Learner)?.UserId ?? (Members.Count > 0 ? Members[0].UserId : null);
        if (PreviewMember is { } userId && await preview.BuildAsync(id, userId, grant.UserId, cancellationToken) is { } letter)
        {
            PreviewEmpty = letter.Content.IsEmpty;
            PreviewSubject = email.Subject(letter.Content);
            PreviewText = email.Render(letter).Text;
        }
        return Page();
    }

    // The mail's HTML part on its own, for the preview's frame: mails carry inline styles, which the site's policy
    // refuses, so this response gets a policy of its own that allows them and nothing else (no script, no requests
    // but images) and may be framed by this site only.
    public async Task<IActionResult> OnGetMailAsync(Guid id, Guid member, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var letter = await preview.BuildAsync(id, member, grant.UserId, cancellationToken);
        if (letter is null)
        {
            return NotFound();
        }
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(email.Render(letter).Html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostSendTestAsync([FromRoute] Guid id, Guid member, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var me = await db.Users.AsNoTracking().SingleAsync(u => u.Id == grant.UserId, cancellationToken);
        var letter = await preview.BuildAsync(id, member, grant.UserId, cancellationToken);
        if (letter is null || string.IsNullOrEmpty(me.Email))
        {
            return NotFound();
        }
        // The member's digest, addressed to the person testing it, with that person's own unsubscribe link or none
        // (DigestPreview): pressing "Unsubscribe" in the tester's mail client must never turn the member's digest off.
        var message = email.Build(letter with { Recipient = letter.Recipient with { Email = me.Email } });
        message.To.Clear();
        message.To.Add(new MailboxAddress(MailText.Clean(me.DisplayName), me.Email));
        message.Subject = localizer["[Test] {subject}", message.Subject ?? string.Empty].Value;
        await sender.SendAsync(message, cancellationToken);
        TempData["Status"] = localizer["A test digest is on its way to {email}.", me.Email].Value;
        return RedirectToPage(new { id, member });
    }

    public async Task<IActionResult> OnPostResendAsync([FromRoute] Guid id, Guid deliveryId, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        var delivery = await db.DigestDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.CohortId == id, cancellationToken);
        if (delivery is null)
        {
            return NotFound();
        }
        if (delivery.Status == DigestDeliveryStatus.Failed)
        {
            delivery.Status = DigestDeliveryStatus.Pending;
            delivery.Attempts = 0;
            delivery.LeaseUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            jobs.Enqueue<SendDigestJob>(job => job.SendAsync(delivery.InstitutionId, delivery.Id, CancellationToken.None));
            TempData["Status"] = localizer["The digest will be sent again."].Value;
        }
        return RedirectToPage(new { id });
    }

    // Sending to the whole cohort at once asks for a ticked confirmation, with or without JavaScript.
    public async Task<IActionResult> OnPostSendNowAsync([FromRoute] Guid id, [FromForm] bool confirm, CancellationToken cancellationToken)
    {
        var grant = await access.ToManageAsync(id, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        if (!confirm)
        {
            TempData["Status"] = localizer["Nothing was sent: tick the box to confirm that this week's digests should go out now."].Value;
            return Redirect(Url.Page("CohortDigest", new { id }) + "#send-now");
        }
        var claimed = await claims.ClaimNowAsync(id, clock.GetUtcNow(), cancellationToken);
        if (claimed.Count > 0)
        {
            jobs.Enqueue<SendCohortDigestsJob>(job => job.SendAsync(grant.Cohort.InstitutionId, id, CancellationToken.None));
        }
        TempData["Status"] = claimed.Count > 0
            ? localizer["{count, plural, one {# digest is queued for this week.} other {# digests are queued for this week.}}", claimed.Count].Value
            : localizer["This week's digests are already queued or sent; nothing more was queued."].Value;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Cohort.Id;
        var people = await (
                from m in db.CohortMembers
                where m.CohortId == id
                join u in db.Users on m.UserId equals u.Id
                orderby u.DisplayName
                select new { m.UserId, u.DisplayName, m.Role, m.DigestFrequency })
            .AsNoTracking().ToListAsync(cancellationToken);
        var last = await db.DigestDeliveries.AsNoTracking()
            .Where(d => d.CohortId == id)
            .GroupBy(d => d.UserId)
            .Select(g => g.OrderByDescending(d => d.SlotUtc).First())
            .ToDictionaryAsync(d => d.UserId, cancellationToken);
        Members = people.Select(p => new MemberRow(p.UserId, p.DisplayName, p.Role, p.DigestFrequency, last.GetValueOrDefault(p.UserId))).ToList();
        Weeks = (await db.DigestDeliveries.AsNoTracking()
                .Where(d => d.CohortId == id)
                .GroupBy(d => new { d.WeekKey, d.Status })
                .Select(g => new { g.Key.WeekKey, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.WeekKey)
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Take(12)
            .Select(g => new WeekRow(g.Key, g.ToDictionary(x => x.Status, x => x.Count)))
            .ToList();
    }

    public sealed record MemberRow(Guid UserId, string Name, CohortRole Role, DigestFrequency Frequency, DigestDelivery? LastDelivery);

    public sealed record WeekRow(string WeekKey, IReadOnlyDictionary<DigestDeliveryStatus, int> Counts)
    {
        public int Count(DigestDeliveryStatus status) => Counts.GetValueOrDefault(status);
    }
}
