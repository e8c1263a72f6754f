namespace CoSie.Platform.Web.Features.Research;

public enum ConsentOutcome
{
    Changed,
    Unchanged,
    NotMember,
    NoConsentText,
}
