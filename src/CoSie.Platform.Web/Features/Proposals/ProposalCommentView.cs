namespace CoSie.Platform.Web.Features.Proposals;

public sealed record ProposalCommentView(Guid Id, Guid ProposalId, string? AuthorName, string Text, bool IsHidden, DateTimeOffset CreatedAt);
