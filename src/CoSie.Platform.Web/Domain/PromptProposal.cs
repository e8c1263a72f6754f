namespace CoSie.Platform.Web.Domain;

// A reflection prompt a member of a cohort suggests for one module. The cohort supports and discusses it; the
// cohort's instructor adopts it (it becomes a ReflectionPrompt of that cohort, credited to the author) or declines it
// with a reason the author reads.
public sealed class PromptProposal : ITenantOwned
{
    public const int MinTextLength = 10;
    public const int MaxTextLength = 500;
    public const int MaxWhyLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CohortId { get; set; }
    public Guid ModuleId { get; set; }

    // Null once the author's account is deleted: the proposal stays, by "deleted user".
    public Guid? AuthorId { get; set; }
    public required string Text { get; set; }
    public string Why { get; set; } = string.Empty;
    public ProposalStatus Status { get; set; } = ProposalStatus.Pending;
    public string? DeclineReason { get; set; }

    // The prompt it became, once adopted.
    public Guid? PromptId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    // Hidden by a moderator: learners no longer see it; moderators and its author see it marked.
    public bool IsHidden { get; set; }
    public int SupportCount { get; set; }
    public int CommentCount { get; set; }

    public bool IsPending => Status == ProposalStatus.Pending;

    public ReflectionPrompt Adopt(string text, int position, DateTimeOffset now)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException("Only a pending proposal can be adopted.");
        }
        var prompt = new ReflectionPrompt { ModuleId = ModuleId, CohortId = CohortId, ProposedById = AuthorId, Text = text, Position = position };
        Status = ProposalStatus.Adopted;
        PromptId = prompt.Id;
        Text = text;
        DecidedAt = now;
        return prompt;
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException("Only a pending proposal can be declined.");
        }
        Status = ProposalStatus.Declined;
        DeclineReason = reason;
        DecidedAt = now;
    }
}
