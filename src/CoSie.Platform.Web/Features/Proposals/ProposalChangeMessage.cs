namespace CoSie.Platform.Web.Features.Proposals;

// What a live proposals page is told: which proposal changed and how, never its text. The page fetches itself again,
// through the same access check as any request, so a hidden proposal never travels to someone who may not see it.
public sealed record ProposalChangeMessage(Guid CohortId, Guid ModuleId, Guid ProposalId, ProposalChange Change);
