namespace CoSie.Platform.Web.Features.Proposals;

public enum ProposalChange
{
    Proposed,
    Supported,
    Commented,
    Decided,
    Moderated,
}
