namespace CoSie.Platform.Web.Features.Digests;

// Whom a digest is built for, and the stretch of time it covers: posts that settled after PeriodStart and by AsOf.
public sealed record DigestReader(Guid UserId, CohortRole Role, DateTimeOffset PeriodStart, DateTimeOffset AsOf);
