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

    private static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
