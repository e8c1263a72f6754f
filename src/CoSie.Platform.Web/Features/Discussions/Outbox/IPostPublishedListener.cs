namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Work that follows new posts outside the discussion (an LMS gradebook, Features/Lti/Services): told inside the
// outbox delivery that notified people of them, just before it commits, behind a savepoint of its own. A listener
// records and queues its work; it does not do it here.
public interface IPostPublishedListener
{
    Task PublishedAsync(IReadOnlyList<PublishedPost> posts, CancellationToken cancellationToken);
}
