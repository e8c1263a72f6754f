namespace CoSie.Platform.Web.Features.SingleSignOn;

public sealed record ProviderSignInResult(ProviderSignInOutcome Outcome, SignInRefusal? Refusal = null, string? ReturnUrl = null, Guid? ProviderId = null)
{
    public static ProviderSignInResult SignedIn(string? returnUrl) => new(ProviderSignInOutcome.SignedIn, ReturnUrl: returnUrl);

    public static ProviderSignInResult NeedsLink() => new(ProviderSignInOutcome.NeedsLink);

    public static ProviderSignInResult Test(Guid providerId) => new(ProviderSignInOutcome.Test, ProviderId: providerId);

    public static ProviderSignInResult Refused(SignInRefusal refusal) => new(ProviderSignInOutcome.Refused, refusal);
}
