using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// What went wrong, read from the handler's failure, and how to say it to the person.
public static class SignInRefusals
{
    public static SignInRefusal Classify(Exception? failure) => failure switch
    {
        null => SignInRefusal.Failed,
        SignInRefusedException refused => refused.Refusal,
        SecurityTokenInvalidIssuerException => SignInRefusal.WrongIssuer,
        SecurityTokenInvalidAudienceException => SignInRefusal.WrongAudience,
        SecurityTokenExpiredException => SignInRefusal.Expired,
        SecurityTokenNotYetValidException => SignInRefusal.NotYetValid,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => SignInRefusal.BadSignature,
        OpenIdConnectProtocolInvalidNonceException => SignInRefusal.Replayed,
        HttpRequestException or TaskCanceledException or TimeoutException => SignInRefusal.ProviderUnavailable,
        // "Unable to obtain configuration": discovery or the keys could not be fetched.
        InvalidOperationException { Message: var m } when m.Contains("IDX20803", StringComparison.Ordinal) => SignInRefusal.ProviderUnavailable,
        AuthenticationFailureException { Message: var m } when m.Contains("Correlation failed", StringComparison.Ordinal) => SignInRefusal.Replayed,
        AuthenticationFailureException { Message: var m } when m.Contains("access_denied", StringComparison.Ordinal) => SignInRefusal.Cancelled,
        _ when failure.Message.Contains("state", StringComparison.OrdinalIgnoreCase) => SignInRefusal.StateMismatch,
        _ when failure.InnerException is { } inner => Classify(inner),
        _ => SignInRefusal.Failed,
    };

    public static string Message(SignInRefusal refusal, IStringLocalizer localizer) => refusal switch
    {
        SignInRefusal.ProviderUnavailable => localizer["The sign-in service of your institution did not answer in time. Try again in a few minutes."],
        SignInRefusal.WrongIssuer or SignInRefusal.WrongAudience or SignInRefusal.BadSignature or SignInRefusal.Expired or SignInRefusal.NotYetValid or SignInRefusal.NoSubject =>
            localizer["The sign-in service of your institution sent an answer that cannot be trusted, so you were not signed in. Try again; if it happens again, tell your institution's administrator."],
        SignInRefusal.Replayed or SignInRefusal.StateMismatch =>
            localizer["This sign-in was already used or did not start here. Start again from the sign-in page."],
        SignInRefusal.NoEmail => localizer["The sign-in service of your institution did not tell us your e-mail address, so no account could be used."],
        SignInRefusal.UnverifiedEmail => localizer["The sign-in service of your institution has not verified your e-mail address, so no account could be used."],
        SignInRefusal.EmailDomainNotAllowed => localizer["Your e-mail address is not one of those this institution signs in through its sign-in service."],
        SignInRefusal.ProviderDisabled => localizer["This sign-in service is not switched on."],
        SignInRefusal.AccountDisabled => localizer["This account is disabled."],
        SignInRefusal.Cancelled => localizer["The sign-in was cancelled at your institution's sign-in service."],
        _ => localizer["Sign-in through your institution did not work. Try again."],
    };
}
