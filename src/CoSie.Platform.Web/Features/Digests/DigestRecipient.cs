using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Web.Features.Digests;

// Who receives a digest, and how their dates are written.
public sealed record DigestRecipient(Guid UserId, string Email, string DisplayName, TimeZoneInfo TimeZone, Locale Locale);
