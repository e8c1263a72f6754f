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

    // A few lines about themselves, shown on their profile in each cohort they belong to.
    [PersonalData]
    public string? Bio { get; set; }

    public const int MaxBioLength = 500;

    // Set while they have a picture (ProfilePicture): a short fingerprint of it, so that its address changes with it.
    public string? PictureVersion { get; set; }

    // Mail about a reply to one of their posts, and about a mention of them (the account's notification settings, or
    // the one-click unsubscribe link in such a mail); at most one mail per thread every MailBatchMinutes.
    public bool ReplyMails { get; set; } = true;

    public bool MentionMails { get; set; } = true;

    public int MailBatchMinutes { get; set; } = DefaultMailBatchMinutes;

    public const int DefaultMailBatchMinutes = 15;

    public static readonly IReadOnlyList<int> MailBatchChoices = [5, 15, 60, 240];

    public bool IsPlatformAdmin { get; set; }

    public bool IsDisabled { get; set; }

    [PersonalData]
    public DateTimeOffset CreatedAt { get; set; }
}
