namespace CoSie.Platform.Web.Features.Proposals;

public enum ProposalOutcome
{
    Done,
    NotFound,
    Forbidden,
    // The input breaks a rule of length or presence; ProposalProblem says which.
    Invalid,
    // Already adopted or declined: only a pending proposal is decided.
    NotPending,
    OwnProposal,
}
