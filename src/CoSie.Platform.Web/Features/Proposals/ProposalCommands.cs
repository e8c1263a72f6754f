using CoSie.Platform.Web.Features.Discussions.Live;
using Npgsql;

namespace CoSie.Platform.Web.Features.Proposals;

// Everything people do to proposals, each a short transaction on a place ProposalAccess has already checked. A
// proposal of another cohort or module, or one hidden from the person, is "not found" whatever its id.
public sealed class ProposalCommands(PlatformDbContext db, ProposalBroadcaster broadcaster, DiscussionBroadcaster badges, TimeProvider clock)
{
    public async Task<ProposalResult> ProposeAsync(ProposalPlace place, string? text, string? why, CancellationToken cancellationToken)
    {
        if (!place.CanParticipate)
        {
            return ProposalResult.Forbidden;
        }
        var cleanText = ProposalRules.Clean(text);
        var cleanWhy = ProposalRules.Clean(why);
        if (ProposalRules.CheckText(cleanText) is var textProblem && textProblem != ProposalProblem.None)
        {
            return ProposalResult.Invalid(textProblem);
        }
        if (ProposalRules.CheckWhy(cleanWhy) is var whyProblem && whyProblem != ProposalProblem.None)
        {
            return ProposalResult.Invalid(whyProblem);
        }
        var proposal = new PromptProposal
        {
            CohortId = place.Cohort.Id,
            ModuleId = place.Module.Id,
            AuthorId = place.UserId,
            Text = cleanText,
            Why = cleanWhy,
            CreatedAt = clock.GetUtcNow(),
        };
        db.PromptProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.ChangedAsync(place, proposal.Id, ProposalChange.Proposed, cancellationToken);
        return ProposalResult.Done(proposal.Id);
    }

    // Support, or take it back: one per member, never for one's own proposal, only while it is pending.
    public async Task<ProposalResult> ToggleSupportAsync(ProposalPlace place, Guid proposalId, CancellationToken cancellationToken)
    {
        if (!place.CanParticipate)
        {
            return ProposalResult.Forbidden;
        }
        var proposal = await FindAsync(place, proposalId, cancellationToken);
        if (proposal is null)
        {
            return ProposalResult.NotFound;
        }
        if (proposal.AuthorId == place.UserId)
        {
            return new ProposalResult(ProposalOutcome.OwnProposal);
        }
        if (!proposal.IsPending)
        {
            return ProposalResult.NotPending;
        }
        var existing = await db.ProposalSupports.SingleOrDefaultAsync(s => s.ProposalId == proposalId && s.UserId == place.UserId, cancellationToken);
        if (existing is not null)
        {
            db.ProposalSupports.Remove(existing);
            proposal.SupportCount = Math.Max(0, proposal.SupportCount - 1);
        }
        else
        {
            db.ProposalSupports.Add(new ProposalSupport { ProposalId = proposalId, UserId = place.UserId, CreatedAt = clock.GetUtcNow() });
            proposal.SupportCount++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A second click raced the first: the support stands once, as the person meant.
            db.ChangeTracker.Clear();
            return ProposalResult.Done(proposalId);
        }
        await broadcaster.ChangedAsync(place, proposalId, ProposalChange.Supported, cancellationToken);
        return ProposalResult.Done(proposalId);
    }

    public async Task<ProposalResult> CommentAsync(ProposalPlace place, Guid proposalId, string? text, CancellationToken cancellationToken)
    {
        if (!place.CanParticipate)
        {
            return ProposalResult.Forbidden;
        }
        var proposal = await FindAsync(place, proposalId, cancellationToken);
        if (proposal is null)
        {
            return ProposalResult.NotFound;
        }
        var clean = ProposalRules.Clean(text);
        if (ProposalRules.CheckComment(clean) is var problem && problem != ProposalProblem.None)
        {
            return ProposalResult.Invalid(problem);
        }
        var comment = new ProposalComment { ProposalId = proposalId, AuthorId = place.UserId, Text = clean, CreatedAt = clock.GetUtcNow() };
        db.ProposalComments.Add(comment);
        proposal.CommentCount++;
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.ChangedAsync(place, proposalId, ProposalChange.Commented, cancellationToken);
        return ProposalResult.Done(comment.Id);
    }

    // The instructor makes it a prompt of this cohort, in their own words if they edited it, after the module's
    // prompts and any the cohort adopted before.
    public async Task<ProposalResult> AdoptAsync(ProposalPlace place, Guid proposalId, string? editedText, CancellationToken cancellationToken)
    {
        if (!place.CanManage)
        {
            return ProposalResult.Forbidden;
        }
        var proposal = await FindAsync(place, proposalId, cancellationToken);
        if (proposal is null)
        {
            return ProposalResult.NotFound;
        }
        if (!proposal.IsPending)
        {
            return ProposalResult.NotPending;
        }
        var text = ProposalRules.Clean(editedText);
        if (text.Length == 0)
        {
            text = proposal.Text;
        }
        if (ProposalRules.CheckText(text) is var problem && problem != ProposalProblem.None)
        {
            return ProposalResult.Invalid(problem);
        }
        var last = await db.ReflectionPrompts.Where(p => p.ModuleId == place.Module.Id).MaxAsync(p => (int?)p.Position, cancellationToken);
        var now = clock.GetUtcNow();
        var prompt = proposal.Adopt(text, (last ?? -1) + 1, now);
        db.ReflectionPrompts.Add(prompt);
        var notified = TellAuthor(place, proposal, NotificationKind.ProposalAdopted, now);
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.ChangedAsync(place, proposalId, ProposalChange.Decided, cancellationToken);
        await badges.NotifyAsync(notified, cancellationToken);
        return ProposalResult.Done(prompt.Id);
    }

    public async Task<ProposalResult> DeclineAsync(ProposalPlace place, Guid proposalId, string? reason, CancellationToken cancellationToken)
    {
        if (!place.CanManage)
        {
            return ProposalResult.Forbidden;
        }
        var proposal = await FindAsync(place, proposalId, cancellationToken);
        if (proposal is null)
        {
            return ProposalResult.NotFound;
        }
        if (!proposal.IsPending)
        {
            return ProposalResult.NotPending;
        }
        var clean = ProposalRules.Clean(reason);
        if (ProposalRules.CheckReason(clean) is var problem && problem != ProposalProblem.None)
        {
            return ProposalResult.Invalid(problem);
        }
        var now = clock.GetUtcNow();
        proposal.Decline(clean, now);
        var notified = TellAuthor(place, proposal, NotificationKind.ProposalDeclined, now);
        await db.SaveChangesAsync(cancellationToken);
        await broadcaster.ChangedAsync(place, proposalId, ProposalChange.Decided, cancellationToken);
        await badges.NotifyAsync(notified, cancellationToken);
        return ProposalResult.Done(proposalId);
    }

    // An adopted prompt joins the module for every cohort that comes after (and every one running now). Only someone
    // who both runs this cohort and may edit the course's modules does that.
    public async Task<ProposalResult> OfferToModuleAsync(ProposalPlace place, Guid proposalId, CancellationToken cancellationToken)
    {
        if (!place.CanEditCourse)
        {
            return ProposalResult.Forbidden;
        }
        var proposal = await FindAsync(place, proposalId, cancellationToken);
        if (proposal?.PromptId is not { } promptId)
        {
            return ProposalResult.NotFound;
        }
        var prompt = await db.ReflectionPrompts.SingleOrDefaultAsync(p => p.Id == promptId && p.CohortId == place.Cohort.Id, cancellationToken);
        if (prompt is null)
        {
            return ProposalResult.NotPending;
        }
        prompt.CohortId = null;
        await db.SaveChangesAsync(cancellationToken);
        return ProposalResult.Done(promptId);
    }

    // Hiding and restoring a proposal or a comment, written to the moderation log like a post's.
    public async Task<ProposalResult> SetProposalHiddenAsync(ProposalPlace place, Guid proposalId, bool hidden, string? reason, CancellationToken cancellationToken)
    {
        if (!place.CanManage)
        {
            return ProposalResult.Forbidden;
        }
        var proposal = await FindAsync(place, proposalId, cancellationToken);
        if (proposal is null)
        {
            return ProposalResult.NotFound;
        }
        var clean = ProposalRules.Clean(reason);
        if (clean.Length > ProposalRules.MaxReasonLength)
        {
            return ProposalResult.Invalid(ProposalProblem.ReasonTooLong);
        }
        if (proposal.IsHidden != hidden)
        {
            proposal.IsHidden = hidden;
            Log(place, hidden, proposal.Id, proposal.AuthorId, clean);
            await db.SaveChangesAsync(cancellationToken);
            await broadcaster.ChangedAsync(place, proposalId, ProposalChange.Moderated, cancellationToken);
        }
        return ProposalResult.Done(proposalId);
    }

    public async Task<ProposalResult> SetCommentHiddenAsync(ProposalPlace place, Guid commentId, bool hidden, string? reason, CancellationToken cancellationToken)
    {
        if (!place.CanManage)
        {
            return ProposalResult.Forbidden;
        }
        var comment = await db.ProposalComments
            .SingleOrDefaultAsync(c => c.Id == commentId && db.PromptProposals.Any(p => p.Id == c.ProposalId && p.CohortId == place.Cohort.Id && p.ModuleId == place.Module.Id), cancellationToken);
        if (comment is null)
        {
            return ProposalResult.NotFound;
        }
        var clean = ProposalRules.Clean(reason);
        if (clean.Length > ProposalRules.MaxReasonLength)
        {
            return ProposalResult.Invalid(ProposalProblem.ReasonTooLong);
        }
        if (comment.IsHidden != hidden)
        {
            comment.IsHidden = hidden;
            Log(place, hidden, comment.Id, comment.AuthorId, clean);
            await db.SaveChangesAsync(cancellationToken);
            await broadcaster.ChangedAsync(place, comment.ProposalId, ProposalChange.Moderated, cancellationToken);
        }
        return ProposalResult.Done(comment.ProposalId);
    }

    // The author hears of the decision in their notifications (the reason of a decline with it), in the same
    // transaction as the decision; an instructor deciding on their own proposal, or a deleted author, hears nothing.
    private IReadOnlyList<Guid> TellAuthor(ProposalPlace place, PromptProposal proposal, NotificationKind kind, DateTimeOffset now)
    {
        if (proposal.AuthorId is not { } author || author == place.UserId)
        {
            return [];
        }
        db.Notifications.Add(new Notification
        {
            UserId = author,
            Kind = kind,
            CohortId = place.Cohort.Id,
            ProposalId = proposal.Id,
            ActorId = place.UserId,
            CreatedAt = now,
        });
        return [author];
    }

    private void Log(ProposalPlace place, bool hidden, Guid postId, Guid? authorId, string reason) =>
        db.ModerationActions.Add(new ModerationAction
        {
            CohortId = place.Cohort.Id,
            ModeratorId = place.UserId,
            Kind = hidden ? ModerationActionKind.Hide : ModerationActionKind.Restore,
            PostId = postId,
            SubjectUserId = authorId,
            Reason = reason,
            At = clock.GetUtcNow(),
        });

    // Hidden proposals stay reachable for the moderators only.
    private Task<PromptProposal?> FindAsync(ProposalPlace place, Guid proposalId, CancellationToken cancellationToken) =>
        db.PromptProposals.SingleOrDefaultAsync(
            p => p.Id == proposalId && p.CohortId == place.Cohort.Id && p.ModuleId == place.Module.Id && (!p.IsHidden || place.CanManage),
            cancellationToken);
}
