namespace CoSie.Platform.Web.Features.Proposals;

// The lengths a proposal, a comment and a decision keep to, checked in one place for every handler.
public static class ProposalRules
{
    public const int MinTextLength = PromptProposal.MinTextLength;
    public const int MaxTextLength = PromptProposal.MaxTextLength;
    public const int MaxWhyLength = PromptProposal.MaxWhyLength;
    public const int MaxCommentLength = ProposalComment.MaxLength;
    public const int MaxReasonLength = ModerationAction.MaxReasonLength;

    public static ProposalProblem CheckText(string text) =>
        text.Length < MinTextLength ? ProposalProblem.TextTooShort
        : text.Length > MaxTextLength ? ProposalProblem.TextTooLong
        : ProposalProblem.None;

    public static ProposalProblem CheckWhy(string why) =>
        why.Length == 0 ? ProposalProblem.WhyMissing
        : why.Length > MaxWhyLength ? ProposalProblem.WhyTooLong
        : ProposalProblem.None;

    public static ProposalProblem CheckComment(string text) =>
        text.Length == 0 ? ProposalProblem.CommentMissing
        : text.Length > MaxCommentLength ? ProposalProblem.CommentTooLong
        : ProposalProblem.None;

    public static ProposalProblem CheckReason(string reason) =>
        reason.Length == 0 ? ProposalProblem.ReasonMissing
        : reason.Length > MaxReasonLength ? ProposalProblem.ReasonTooLong
        : ProposalProblem.None;

    // Plain text throughout (rendered encoded); line breaks are kept, other control characters dropped.
    public static string Clean(string? value) =>
        new string((value ?? string.Empty).Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
}
