namespace CoSie.Platform.Web.Features.SingleSignOn;

// Why a sign-in through a provider did not happen; each has its message (SignInRefusals) and goes to the log.
public enum SignInRefusal
{
    ProviderUnavailable,
    WrongIssuer,
    WrongAudience,
    Expired,
    NotYetValid,
    BadSignature,
    Replayed,
    StateMismatch,
    NoSubject,
    NoEmail,
    UnverifiedEmail,
    EmailDomainNotAllowed,
    ProviderDisabled,
    AccountDisabled,
    Cancelled,
    Failed,
}
