using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Identity;

// One account per person across all institutions; memberships give roles per institution.
public sealed class PlatformUser : IdentityUser<Guid>
{
    public PlatformUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    // The language the person reads (Localization/PlatformLanguages), apart from the region their dates take.
    [PersonalData]
    public string? Language { get; set; }

    // The region that formats their dates and numbers (Hosting/PlatformCultures).
    [PersonalData]
    public string? Culture { get; set; }

    [PersonalData]
    public string? TimeZoneId { get; set; }

    public bool IsPlatformAdmin { get; set; }

    public bool IsDisabled { get; set; }

    [PersonalData]
    public DateTimeOffset CreatedAt { get; set; }
}
