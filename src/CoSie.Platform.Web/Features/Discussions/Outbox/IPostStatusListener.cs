namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Work that follows a post whose standing changed after it was written (a moderator approved, hid, restored or purged
// it, or its author deleted it), outside the discussion: an LMS gradebook (Features/Lti/Services). Told inside the
// transaction that changed the post, after its writes, behind a savepoint of its own (PostStatusListeners), so what it
// records commits or rolls back with the change. Like IPostPublishedListener, it records its work; it does not do it.
public interface IPostStatusListener
{
    Task StatusChangedAsync(PublishedPost post, CancellationToken cancellationToken);
}
