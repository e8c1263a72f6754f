using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoSie.Platform.Web.Localization;

// The time zones people choose from, in one list for every form: IANA ids only (what browsers and the digest schedule
// speak), grouped by region with Europe first (where the platform's institutions are), each named by its place and its
// offset from UTC today. Without JavaScript it is a grouped select, which the browser lets people type into; with it,
// js/time-zones.js adds a filter box above it.
public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> Zones = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).OrderBy(z => z.Id, StringComparer.Ordinal).ToList());

    private static readonly string[] RegionOrder =
        ["Europe", "Africa", "America", "Asia", "Atlantic", "Australia", "Indian", "Pacific", "Antarctica", "Arctic"];

    public static IReadOnlyList<SelectListItem> Grouped(IStringLocalizer localizer, DateTimeOffset now)
    {
        var groups = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        SelectListGroup GroupOf(string region) =>
            groups.TryGetValue(region, out var group) ? group : groups[region] = new SelectListGroup { Name = RegionName(localizer, region) };

        return Zones.Value
            .Select(zone => (Zone: zone, Region: RegionOf(zone.Id)))
            .OrderBy(z => Array.IndexOf(RegionOrder, z.Region) is var i and >= 0 ? i : RegionOrder.Length)
            .ThenBy(z => PlaceOf(z.Zone.Id), StringComparer.Ordinal)
            .Select(z => new SelectListItem($"{PlaceOf(z.Zone.Id)} (UTC{Offset(z.Zone.GetUtcOffset(now))})", z.Zone.Id) { Group = GroupOf(z.Region) })
            .ToList();
    }

    // "America/Argentina/Buenos_Aires" is in America and called "Argentina / Buenos Aires"; "UTC" and "Etc/GMT+5" are Other.
    private static string RegionOf(string id) => id.IndexOf('/') is var slash and > 0 && id[..slash] is var region && RegionOrder.Contains(region)
        ? region
        : "Other";

    private static string PlaceOf(string id) =>
        (RegionOf(id) == "Other" ? id : id[(id.IndexOf('/') + 1)..]).Replace("/", " / ", StringComparison.Ordinal).Replace('_', ' ');

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static string RegionName(IStringLocalizer localizer, string region) => region switch
    {
        "Europe" => localizer["Europe"],
        "Africa" => localizer["Africa"],
        "America" => localizer["The Americas"],
        "Asia" => localizer["Asia"],
        "Atlantic" => localizer["Atlantic Ocean"],
        "Australia" => localizer["Australia"],
        "Indian" => localizer["Indian Ocean"],
        "Pacific" => localizer["Pacific Ocean"],
        "Antarctica" => localizer["Antarctica"],
        "Arctic" => localizer["Arctic"],
        _ => localizer["Other time zones"],
    };
}
