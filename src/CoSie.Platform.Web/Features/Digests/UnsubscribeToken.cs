namespace CoSie.Platform.Web.Features.Digests;

// What an unsubscribe link is about: one member of one cohort of one institution, and which of their mails it stops.
public sealed record UnsubscribeToken(Guid InstitutionId, Guid CohortId, Guid UserId, UnsubscribeTopic Topic = UnsubscribeTopic.Digest);
