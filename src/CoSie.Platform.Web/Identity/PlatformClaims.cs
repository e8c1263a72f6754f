namespace CoSie.Platform.Web.Identity;

public static class PlatformClaims
{
    public const string PlatformAdmin = "cosie:platform_admin";
    public const string DisplayName = "cosie:display_name";
    public const string Culture = "cosie:culture";
    public const string Language = "cosie:language";
    public const string TimeZone = "cosie:time_zone";
}
