namespace CoSie.Platform.Web.Features.Discussions.Live;

// What the server tells a live page, in the past tense.
public interface IDiscussionClient
{
    Task ReplyPosted(ThreadEventMessage message);
    Task PostEdited(ThreadEventMessage message);
    Task PostDeleted(ThreadEventMessage message);
    Task HelpfulChanged(ThreadEventMessage message);
    // Hidden, restored, approved, purged, locked, unlocked, pinned or unpinned: Kind says which.
    Task PostModerated(ThreadEventMessage message);
    Task ReflectionPosted(ThreadEventMessage message);
    Task ThreadActivity(ThreadEventMessage message);
    Task ProposalsChanged(Proposals.ProposalChangeMessage message);
    Task SynthesisUpdated(Synthesis.SynthesisUpdateMessage message);
    Task SynthesisPresenceChanged(Synthesis.SynthesisPresenceMessage message);
    Task NotificationReceived(NotificationBadgeMessage message);
    Task AccessEnded(Guid reflectionId);
    Task SessionEnded();
}
