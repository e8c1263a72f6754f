using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.Digests;

// One test on its own clock: it walks through March 2027, when the United States (14 March) and Europe (28 March)
// move to summer time.
public sealed class DigestTimeZoneTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private static DateTimeOffset Utc(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Members_in_three_time_zones_get_theirs_at_eight_local_also_across_daylight_saving_changes()
    {
        var cohort = await factory.CohortAsync("Three zones", postFirst: false);
        var helsinki = await factory.PersonAsync(cohort, "Helsinki", timeZone: "Europe/Helsinki");
        var lisbon = await factory.PersonAsync(cohort, "Lisbon", timeZone: "Europe/Lisbon");
        var newYork = await factory.PersonAsync(cohort, "New York", timeZone: "America/New_York");
        var writer = await factory.PersonAsync(cohort, "Writer", timeZone: "Asia/Tokyo");

        // Monday 08:00 local, in UTC: before the changes, after the US change, after both.
        var weeks = new[]
        {
            (Helsinki: Utc(3, 8, 6), Lisbon: Utc(3, 8, 8), NewYork: Utc(3, 8, 13)),
            (Helsinki: Utc(3, 15, 6), Lisbon: Utc(3, 15, 8), NewYork: Utc(3, 15, 12)),
            (Helsinki: Utc(3, 29, 5), Lisbon: Utc(3, 29, 7), NewYork: Utc(3, 29, 12)),
        };
        foreach (var (week, index) in weeks.Select((w, i) => (w, i)))
        {
            factory.AdvanceTo(week.Helsinki.AddDays(-2));
            await factory.ReflectionAsync(cohort, index switch { 0 => factory.P1, 1 => factory.P2, _ => factory.P3 }, writer, $"Week {index} news.");
            foreach (var (person, slot) in new[] { (helsinki, week.Helsinki), (lisbon, week.Lisbon), (newYork, week.NewYork) }.OrderBy(p => p.Item2))
            {
                var before = Count(helsinki, lisbon, newYork);
                factory.AdvanceTo(slot.AddMinutes(-1));
                await factory.DeliverAsync(cohort);
                Assert.Equal(before, Count(helsinki, lisbon, newYork));

                factory.AdvanceTo(slot);
                await factory.DeliverAsync(cohort);
                var mails = factory.Mail.To(person.Email!);
                Assert.Equal(index + 1, mails.Count);
                Assert.Contains($"Week {index} news.", mails[^1].TextBody, StringComparison.Ordinal);
            }
        }
        Assert.Equal((3, 3, 3), Count(helsinki, lisbon, newYork));
    }

    private (int, int, int) Count(PlatformUser a, PlatformUser b, PlatformUser c) =>
        (factory.Mail.To(a.Email!).Count, factory.Mail.To(b.Email!).Count, factory.Mail.To(c.Email!).Count);
}
