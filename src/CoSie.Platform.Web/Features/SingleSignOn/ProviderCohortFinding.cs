namespace CoSie.Platform.Web.Features.SingleSignOn;

public enum ProviderCohortFinding
{
    Found,
    Unknown,
    OtherInstitution,
    Ambiguous,
}
