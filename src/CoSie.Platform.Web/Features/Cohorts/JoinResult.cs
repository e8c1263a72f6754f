namespace CoSie.Platform.Web.Features.Cohorts;

public sealed record JoinResult(JoinOutcome Outcome, Guid CohortId = default, CohortRole Role = CohortRole.Learner, bool InvitationForAnotherAddress = false);
