namespace CoSie.Platform.Web.Features.SingleSignOn;

// A provider's answer that the platform itself refuses (an unverified e-mail, a domain not allowed), carried to the
// handler's failure event.
public sealed class SignInRefusedException(SignInRefusal refusal) : Exception($"Sign-in refused: {refusal}")
{
    public SignInRefusal Refusal { get; } = refusal;
}
