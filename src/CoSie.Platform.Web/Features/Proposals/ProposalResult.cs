namespace CoSie.Platform.Web.Features.Proposals;

public sealed record ProposalResult(ProposalOutcome Outcome, ProposalProblem Problem = ProposalProblem.None, Guid? Id = null)
{
    public static readonly ProposalResult NotFound = new(ProposalOutcome.NotFound);
    public static readonly ProposalResult Forbidden = new(ProposalOutcome.Forbidden);
    public static readonly ProposalResult NotPending = new(ProposalOutcome.NotPending);

    public bool Succeeded => Outcome == ProposalOutcome.Done;

    public static ProposalResult Done(Guid id) => new(ProposalOutcome.Done, Id: id);

    public static ProposalResult Invalid(ProposalProblem problem) => new(ProposalOutcome.Invalid, problem);
}
