namespace CoSie.Platform.Web.Domain;

public sealed class Institution
{
    public const int DefaultFlagThreshold = 3;
    public const int MaxResearchConsentTextLength = 4_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<string> HostNames { get; set; } = [];
    public string TimeZoneId { get; set; } = "Europe/Brussels";
    public string DefaultCulture { get; set; } = "en-GB";
    // A post flagged by this many different members is hidden until a moderator reviews it.
    public int FlagThreshold { get; set; } = DefaultFlagThreshold;
    // False once the institution signs its people in through its own provider (SingleSignOn) only.
    public bool AllowLocalPasswords { get; set; } = true;
    // The institution's own look (Features/Institutions/Appearance): an accent colour as #rrggbb that passed the contrast
    // rule, and its logo's file name in its media.
    public string? AccentColor { get; set; }
    public string? LogoFile { get; set; }
    public AccessibilityStatement Accessibility { get; set; } = new();
    // What members agree to when they let their posts be used for research (Features/Research). Without it no member
    // can consent and no cohort can be exported for research.
    public string? ResearchConsentText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
