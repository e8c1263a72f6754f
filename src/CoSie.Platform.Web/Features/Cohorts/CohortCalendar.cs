using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Cohorts;

// Cohort dates are calendar days of the institution, so "today" is the institution's today, not the server's.
public sealed class CohortCalendar(TimeProvider clock, TenantContext tenant)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone);

    public DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, TimeZone).DateTime);

    public bool HasEnded(Cohort cohort) => cohort.EndsOn is { } end && end < Today;

    private TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(tenant.Required.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
