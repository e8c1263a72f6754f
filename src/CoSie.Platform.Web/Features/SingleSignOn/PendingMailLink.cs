namespace CoSie.Platform.Web.Features.SingleSignOn;

public sealed record PendingMailLink(SignInProvider Provider, ProviderLink Link, PlatformUser User);
