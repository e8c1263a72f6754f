using CoSie.Platform.Web.Features.Digests;

namespace CoSie.Platform.Tests.Digests;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_slot_is_the_weekday_and_hour_on_the_members_wall_clock()
    {
        var slot = DigestSchedule.LatestSlot(Utc(2026, 11, 30, 6), Helsinki, DayOfWeek.Monday, 8);

        Assert.Equal(Utc(2026, 11, 30, 6), slot.Utc);
        Assert.Equal("2026-11-30", slot.WeekKey);
    }

    [Fact]
    public void A_minute_before_the_hour_the_latest_slot_is_last_weeks()
    {
        var slot = DigestSchedule.LatestSlot(Utc(2026, 11, 30, 5, 59), Helsinki, DayOfWeek.Monday, 8);

        Assert.Equal("2026-11-23", slot.WeekKey);
        Assert.Equal(Utc(2026, 11, 23, 6), slot.Utc);
    }

    [Fact]
    public void The_local_hour_stays_when_summer_time_ends_in_europe()
    {
        var before = DigestSchedule.LatestSlot(Utc(2026, 10, 19, 12), Lisbon, DayOfWeek.Monday, 8);
        var after = DigestSchedule.LatestSlot(Utc(2026, 10, 26, 12), Lisbon, DayOfWeek.Monday, 8);

        Assert.Equal(Utc(2026, 10, 19, 7), before.Utc);
        Assert.Equal(Utc(2026, 10, 26, 8), after.Utc);
    }

    [Fact]
    public void The_local_hour_stays_when_summer_time_ends_in_the_united_states()
    {
        var before = DigestSchedule.LatestSlot(Utc(2026, 10, 26, 20), NewYork, DayOfWeek.Monday, 8);
        var after = DigestSchedule.LatestSlot(Utc(2026, 11, 2, 20), NewYork, DayOfWeek.Monday, 8);

        Assert.Equal(Utc(2026, 10, 26, 12), before.Utc);
        Assert.Equal(Utc(2026, 11, 2, 13), after.Utc);
    }

    [Fact]
    public void An_hour_skipped_in_spring_moves_to_the_first_instant_after_the_gap()
    {
        // Helsinki jumps from 03:00 to 04:00 on 2027-03-28 (01:00 UTC).
        var slot = DigestSchedule.SlotOn(new DateOnly(2027, 3, 28), Helsinki, 3);

        Assert.Equal(Utc(2027, 3, 28, 1), slot.Utc);
        Assert.Equal("2027-03-28", slot.WeekKey);
    }

    [Fact]
    public void An_hour_that_happens_twice_in_autumn_takes_its_first_occurrence()
    {
        // Helsinki goes back from 04:00 to 03:00 on 2026-10-25 (01:00 UTC): 03:00 first happens at 00:00 UTC.
        var slot = DigestSchedule.SlotOn(new DateOnly(2026, 10, 25), Helsinki, 3);

        Assert.Equal(Utc(2026, 10, 25, 0), slot.Utc);
    }

    [Fact]
    public void The_next_slot_is_a_week_after_the_latest()
    {
        var next = DigestSchedule.NextSlot(Utc(2026, 11, 26, 12), Helsinki, DayOfWeek.Monday, 8);

        Assert.Equal("2026-11-30", next.WeekKey);
        Assert.Equal(Utc(2026, 11, 30, 6), next.Utc);
    }

    [Fact]
    public void An_unknown_member_zone_falls_back_to_the_institutions()
    {
        Assert.Equal(Lisbon.Id, DigestSchedule.ZoneFor("Mars/Olympus", "Europe/Lisbon").Id);
        Assert.Equal(NewYork.Id, DigestSchedule.ZoneFor("America/New_York", "Europe/Lisbon").Id);
        Assert.Equal(TimeZoneInfo.Utc.Id, DigestSchedule.ZoneFor(null, "Nowhere/Else").Id);
    }
}
