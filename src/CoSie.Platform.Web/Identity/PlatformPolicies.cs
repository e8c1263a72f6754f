namespace CoSie.Platform.Web.Identity;

public static class PlatformPolicies
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string InstitutionMember = nameof(InstitutionMember);
    public const string InstitutionInstructor = nameof(InstitutionInstructor);
    public const string InstitutionAdmin = nameof(InstitutionAdmin);
}
