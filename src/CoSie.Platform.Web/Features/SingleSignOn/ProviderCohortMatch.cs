namespace CoSie.Platform.Web.Features.SingleSignOn;

public sealed record ProviderCohortMatch(ProviderCohortFinding Finding, Guid? CohortId);
