using System.Collections.Concurrent;
using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Localization;

// The time zone a person reads times in: the one in their profile, else their institution's, else UTC.
public static class ReaderTimeZone
{
    public static TimeZoneInfo Of(ClaimsPrincipal user, InstitutionInfo? institution) =>
        Find(user.FindFirst(PlatformClaims.TimeZone)?.Value) ?? Find(institution?.TimeZoneId) ?? TimeZoneInfo.Utc;

    public static TimeZoneInfo Of(string? personZoneId, string? institutionZoneId) =>
        Find(personZoneId) ?? Find(institutionZoneId) ?? TimeZoneInfo.Utc;

    // Zones found before, by id: TimeZoneInfo's own lookup takes a process-wide lock, and every page asks. Only zones
    // that exist are kept, so the set is bounded by the system's list.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    private static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        if (Found.TryGetValue(id, out var known))
        {
            return known;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? Found.GetOrAdd(id, zone) : null;
    }
}
