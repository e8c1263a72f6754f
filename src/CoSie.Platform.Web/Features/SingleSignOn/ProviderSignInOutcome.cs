namespace CoSie.Platform.Web.Features.SingleSignOn;

public enum ProviderSignInOutcome
{
    SignedIn,
    NeedsLink,
    Test,
    Refused,
}
