namespace CoSie.Platform.Web.Domain;

public enum NotificationKind
{
    Reply = 0,
    Mention = 1,
    PostHidden = 2,
    PostRestored = 3,
    ThreadLocked = 4,
    ModeratorEdit = 5,
    PostApproved = 6,
    // A reply in a thread the person follows (not to their own post).
    ThreadReply = 7,
    // The cohort's instructor decided on the person's prompt proposal (Notification.ProposalId).
    ProposalAdopted = 8,
    ProposalDeclined = 9,
}
