namespace CoSie.Platform.Web.Features.Proposals;

public enum ProposalProblem
{
    None,
    TextTooShort,
    TextTooLong,
    WhyMissing,
    WhyTooLong,
    CommentMissing,
    CommentTooLong,
    ReasonMissing,
    ReasonTooLong,
}
