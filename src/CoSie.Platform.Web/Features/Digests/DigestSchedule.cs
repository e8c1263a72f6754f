using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Web.Features.Digests;

// When a member's digest is due: the cohort's weekday and hour on the member's own wall clock. Pure, so the
// daylight-saving cases are tested without a database.
public static class DigestSchedule
{
    // The latest slot at or before nowUtc.
    public static DigestSlot LatestSlot(DateTimeOffset nowUtc, TimeZoneInfo zone, DayOfWeek day, int hour)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, zone).DateTime);
        var back = ((int)localToday.DayOfWeek - (int)day + 7) % 7;
        var slot = SlotOn(localToday.AddDays(-back), zone, hour);
        return slot.Utc <= nowUtc ? slot : SlotOn(slot.LocalDate.AddDays(-7), zone, hour);
    }

    // The first slot after nowUtc.
    public static DigestSlot NextSlot(DateTimeOffset nowUtc, TimeZoneInfo zone, DayOfWeek day, int hour) =>
        SlotOn(LatestSlot(nowUtc, zone, day, hour).LocalDate.AddDays(7), zone, hour);

    public static DigestSlot SlotOn(DateOnly localDate, TimeZoneInfo zone, int hour)
    {
        var local = localDate.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        return new DigestSlot(ToUtc(local, zone), localDate);
    }

    // The member's zone, else the institution's, else UTC (an id the host does not know must not stop digests).
    public static TimeZoneInfo ZoneFor(string? memberZoneId, string institutionZoneId) => ReaderTimeZone.Of(memberZoneId, institutionZoneId);

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        // A wall-clock time skipped by the spring change (02:30 that never happens): the first instant after the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        // A time that happens twice in autumn: the first occurrence, which has the larger (summer) offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
