using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Digests;

// Everything a digest mail is made of. The unsubscribe link, when there is one, is always the addressee's own.
public sealed record DigestLetter(
    InstitutionInfo Institution,
    Guid CohortId,
    DigestRecipient Recipient,
    DigestContent Content,
    DateTimeOffset PeriodStart,
    string? UnsubscribeUrl,
    string FromAddress,
    string? MessageId);
