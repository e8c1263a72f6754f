namespace CoSie.Platform.Web.Features.SingleSignOn;

// A provider sign-in waiting for the owner of the account with its address to confirm by mail: which provider of which
// institution answered, for which subject, and the account it would be linked to as it was when the mail left.
public sealed record ProviderLink(
    Guid InstitutionId, Guid ProviderId, Guid UserId, string SecurityStamp, ProviderClaims Claims, string? ReturnUrl);
