namespace CoSie.Platform.Web.Features.Digests;

public sealed record DigestClaim(Guid DeliveryId, Guid CohortId);
