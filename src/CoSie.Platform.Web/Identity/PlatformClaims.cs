namespace CoSie.Platform.Web.Identity;

public static class PlatformClaims
{
    public const string PlatformAdmin = "cosie:platform_admin";
    public const string DisplayName = "cosie:display_name";
    public const string Culture = "cosie:culture";
    public const string Language = "cosie:language";
    public const string TimeZone = "cosie:time_zone";

    // The institution's provider (SingleSignOn) that signed this session in, and that provider's institution; absent
    // after a password sign-in. Kept when the session's claims are renewed.
    public const string SignInProvider = "cosie:sso_provider";
    public const string SignInInstitution = "cosie:sso_institution";

    // The LTI platform whose launch signed this session in (Features/Lti/Framing): the session lives in its frame.
    public const string LtiPlatform = "cosie:lti_platform";
}
