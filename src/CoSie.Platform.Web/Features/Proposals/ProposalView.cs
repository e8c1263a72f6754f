namespace CoSie.Platform.Web.Features.Proposals;

// One proposal as its page lists it, with the person's own support and the comments they may read.
public sealed record ProposalView(
    Guid Id,
    Guid? AuthorId,
    string? AuthorName,
    string Text,
    string Why,
    ProposalStatus Status,
    string? DeclineReason,
    Guid? PromptId,
    bool PromptIsCohortOnly,
    bool IsHidden,
    int SupportCount,
    bool SupportedByMe,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ProposalCommentView> Comments);
