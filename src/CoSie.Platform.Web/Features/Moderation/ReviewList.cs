namespace CoSie.Platform.Web.Features.Moderation;

// One section of a review queue, and where its forms come back to.
public sealed record ReviewList(IReadOnlyList<QueueItem> Items, bool Flagged, string ReturnUrl);
