using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Digests;

// The digest a member would get if it were sent now: from their last digest (or their joining) until now, as the
// viewer sees it on the preview page or gets it as a test mail. A member's unsubscribe link works without signing in, so
// it never reaches anyone else: the letter carries the viewer's own link when the viewer is a member of the cohort, and
// none otherwise (an institution's admin who only manages it).
public sealed class DigestPreview(PlatformDbContext db, TenantContext tenant, DigestContentBuilder builder, DigestDispatcher dispatcher, TimeProvider clock)
{
    public async Task<DigestLetter?> BuildAsync(Guid cohortId, Guid userId, Guid viewerId, CancellationToken cancellationToken)
    {
        var institution = tenant.Required;
        var member = await (
                from m in db.CohortMembers
                where m.CohortId == cohortId && m.UserId == userId
                join u in db.Users on m.UserId equals u.Id
                select new { m.Role, m.JoinedAt, u.Email, u.DisplayName, u.TimeZoneId, u.Language, u.Culture })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }
        var lastSlot = await db.DigestDeliveries
            .Where(d => d.CohortId == cohortId && d.UserId == userId && (d.Status == DigestDeliveryStatus.Sent || d.Status == DigestDeliveryStatus.SkippedEmpty))
            .MaxAsync(d => (DateTimeOffset?)d.SlotUtc, cancellationToken);
        var now = clock.GetUtcNow();
        var periodStart = lastSlot ?? member.JoinedAt;
        var data = await builder.LoadCohortAsync(cohortId, periodStart, now, cancellationToken);
        if (data is null)
        {
            return null;
        }
        var contents = await builder.BuildAsync(data, [new DigestReader(userId, member.Role, periodStart, now)], cancellationToken);
        var recipient = new DigestRecipient(userId, member.Email ?? string.Empty, member.DisplayName,
            DigestSchedule.ZoneFor(member.TimeZoneId, institution.TimeZoneId), Locale.For(member.Language, member.Culture, institution.DefaultCulture));
        var viewerIsMember = viewerId == userId
            || await db.CohortMembers.AnyAsync(m => m.CohortId == cohortId && m.UserId == viewerId, cancellationToken);
        return dispatcher.Letter(institution, cohortId, recipient, contents[userId], periodStart, messageId: null) with
        {
            UnsubscribeUrl = viewerIsMember ? dispatcher.UnsubscribeUrl(institution, cohortId, viewerId) : null,
        };
    }
}
