using CoSie.Platform.Web.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace CoSie.Platform.Web.Features.Digests;

// Finds the (member, cohort) pairs of the current institution whose digest is due, and claims one delivery row each.
// One query reads the candidates, the slot arithmetic (time zones, daylight saving) runs in memory, and one
// INSERT ... ON CONFLICT DO NOTHING claims them all: a second run, a second server or a retried job finds the rows
// and claims nothing twice.
public sealed class DigestClaims(PlatformDbContext db, TenantContext tenant)
{
    public async Task<IReadOnlyList<DigestClaim>> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await ClaimAsync(now, cohortId: null, early: false, cancellationToken);

    // "Send this week's digests now": the digest of each member's coming slot, sent at once. It takes that week's
    // key, so the slot itself finds it claimed and sends nothing more.
    public async Task<IReadOnlyList<DigestClaim>> ClaimNowAsync(Guid cohortId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ClaimAsync(now, cohortId, early: true, cancellationToken);

    private async Task<IReadOnlyList<DigestClaim>> ClaimAsync(DateTimeOffset now, Guid? cohortId, bool early, CancellationToken cancellationToken)
    {
        var institution = tenant.Required;
        var institutionZone = DigestSchedule.ZoneFor(null, institution.TimeZoneId);
        // A cohort's last digest goes out up to a week after its end date.
        var endedBefore = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, institutionZone).DateTime).AddDays(-7);
        var candidates = await (
                from m in db.CohortMembers
                join c in db.Cohorts on m.CohortId equals c.Id
                join u in db.Users on m.UserId equals u.Id
                where m.DigestFrequency != DigestFrequency.Off && u.EmailConfirmed && !u.IsDisabled && u.Email != null
                    && (c.EndsOn == null || c.EndsOn >= endedBefore)
                    && (cohortId == null || c.Id == cohortId)
                select new { m.CohortId, m.UserId, m.JoinedAt, m.DigestFrequency, u.TimeZoneId, c.DigestDay, c.DigestHour })
            .AsNoTracking().ToListAsync(cancellationToken);

        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var slots = new Dictionary<(string, DayOfWeek, int), DigestSlot>();
        var rows = new List<(Guid Id, Guid CohortId, Guid UserId, string WeekKey, DateTimeOffset SlotUtc, TimeSpan Gap, DateTimeOffset JoinedAt)>();
        foreach (var candidate in candidates)
        {
            var zoneId = candidate.TimeZoneId ?? string.Empty;
            if (!zones.TryGetValue(zoneId, out var zone))
            {
                zones[zoneId] = zone = DigestSchedule.ZoneFor(candidate.TimeZoneId, institution.TimeZoneId);
            }
            var key = (zoneId, candidate.DigestDay, candidate.DigestHour);
            if (!slots.TryGetValue(key, out var slot))
            {
                slots[key] = slot = early
                    ? DigestSchedule.NextSlot(now, zone, candidate.DigestDay, candidate.DigestHour)
                    : DigestSchedule.LatestSlot(now, zone, candidate.DigestDay, candidate.DigestHour);
            }
            if (early)
            {
                rows.Add((Guid.CreateVersion7(), candidate.CohortId, candidate.UserId, slot.WeekKey, now, TimeSpan.Zero, candidate.JoinedAt));
            }
            else if (slot.Utc > candidate.JoinedAt)
            {
                // "A week old": no digest in the last six days (thirteen for every two weeks), so a changed weekday
                // or an hour shifted by daylight saving never brings two digests in a few days.
                var gap = TimeSpan.FromDays(candidate.DigestFrequency == DigestFrequency.EveryTwoWeeks ? 13 : 6);
                rows.Add((Guid.CreateVersion7(), candidate.CohortId, candidate.UserId, slot.WeekKey, slot.Utc, gap, candidate.JoinedAt));
            }
        }
        if (rows.Count == 0)
        {
            return [];
        }

        // The period starts at the previous digest that went out (or was empty), else when the member joined.
        const string sql = """
            INSERT INTO digest_deliveries (id, institution_id, cohort_id, user_id, week_key, slot_utc, period_start, status, attempts, created_at)
            SELECT c.id, @institution, c.cohort_id, c.user_id, c.week_key, c.slot_utc,
                   COALESCE((SELECT max(d.slot_utc) FROM digest_deliveries d
                             WHERE d.cohort_id = c.cohort_id AND d.user_id = c.user_id AND d.status IN ('Sent', 'SkippedEmpty')), c.joined_at),
                   'Pending', 0, @now
            FROM unnest(@ids, @cohorts, @users, @weeks, @slots, @gaps, @joined) AS c(id, cohort_id, user_id, week_key, slot_utc, gap, joined_at)
            WHERE NOT EXISTS (SELECT 1 FROM digest_deliveries d
                              WHERE d.cohort_id = c.cohort_id AND d.user_id = c.user_id AND d.slot_utc > c.slot_utc - c.gap)
            ON CONFLICT (cohort_id, user_id, week_key) DO NOTHING
            RETURNING id AS "Value"
            """;
        var ids = await db.Database.SqlQueryRaw<Guid>(sql,
                new NpgsqlParameter("institution", institution.Id),
                new NpgsqlParameter("now", now.ToUniversalTime()),
                new NpgsqlParameter("ids", rows.Select(r => r.Id).ToArray()),
                new NpgsqlParameter("cohorts", rows.Select(r => r.CohortId).ToArray()),
                new NpgsqlParameter("users", rows.Select(r => r.UserId).ToArray()),
                new NpgsqlParameter("weeks", rows.Select(r => r.WeekKey).ToArray()),
                new NpgsqlParameter("slots", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.SlotUtc.ToUniversalTime()).ToArray() },
                new NpgsqlParameter("gaps", rows.Select(r => r.Gap).ToArray()),
                new NpgsqlParameter("joined", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.JoinedAt.ToUniversalTime()).ToArray() })
            .ToListAsync(cancellationToken);

        var claimed = ids.ToHashSet();
        return rows.Where(r => claimed.Contains(r.Id)).Select(r => new DigestClaim(r.Id, r.CohortId)).ToList();
    }
}
