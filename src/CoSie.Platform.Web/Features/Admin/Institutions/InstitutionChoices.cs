using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

// What the institution forms offer in their selects; the same lists decide what the server accepts.
public static class InstitutionChoices
{
    public const string DefaultTimeZoneId = "Europe/Brussels";

    public static IReadOnlyList<SelectListItem> Cultures() =>
        PlatformCultures.Supported.Select(c => new SelectListItem($"{PlatformCultures.DisplayName(c)} ({c})", c)).ToList();

    // Windows names such as "W. Europe Standard Time" resolve on Linux too; institutions store IANA ids only,
    // because the digest schedule and every browser speak IANA.
    public static string? FindIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId
            ? zone.Id
            : null;

    public static string? FindCulture(string? culture) =>
        PlatformCultures.Supported.FirstOrDefault(c => string.Equals(c, culture?.Trim(), StringComparison.OrdinalIgnoreCase));
}
