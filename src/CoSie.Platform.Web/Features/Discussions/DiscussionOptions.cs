using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Discussions;

// Bound from the "Discussions" configuration section and checked when the app starts: a setting out of range stops
// the start with its name, rather than being quietly corrected where it is used.
public sealed class DiscussionOptions
{
    public const string Section = "Discussions";

    // New posts (reflections and replies) one person may write per minute before being asked to slow down.
    [Range(1, 1_000_000)]
    public int PostsPerMinute { get; set; } = 5;

    // Hub calls one connection may make: a burst of this many, refilled at HubCallsPerSecond.
    [Range(1, 1_000_000)]
    public int HubCallBurst { get; set; } = 20;
    [Range(0.01, 1_000_000)]
    public double HubCallsPerSecond { get; set; } = 2;

    // A connection refused this many calls within HubRefusalWindowSeconds keeps flooding, and is closed.
    [Range(1, 1_000_000)]
    public int HubRefusalsBeforeClose { get; set; } = 20;
    [Range(1, 3600)]
    public int HubRefusalWindowSeconds { get; set; } = 10;

    // Origins besides the app's own host that may open a live connection (e.g. https://cosie.example.org).
    public List<string> AllowedOrigins { get; set; } = [];

    // Replies on one page of a thread (Discussions:PageSize); "Show more" loads the next page in place.
    [Range(1, 500)]
    public int PageSize { get; set; } = 20;

    // Reflections on one page of a prompt's list (Discussions:ReflectionsPerPage), with links to the next and previous.
    [Range(1, 1000)]
    public int ReflectionsPerPage { get; set; } = 50;

    // Memory for rendered threads kept between requests (ThreadCache), in bytes as the snapshots estimate them; the
    // least recently read threads are evicted beyond it, and a thread larger than all of it is rendered for each read.
    [Range(1_000_000, long.MaxValue)]
    public long ThreadCacheBytes { get; set; } = 256 * 1024 * 1024;

    // The discussion outbox (Features/Discussions/Outbox): how often each instance looks for entries that no commit
    // of its own announced (seconds), and how many entries one delivery transaction takes.
    [Range(1, 3600)]
    public int OutboxPollSeconds { get; set; } = 5;
    [Range(1, 10_000)]
    public int OutboxBatchSize { get; set; } = 100;

    // Pushes waiting for SignalR before the oldest are dropped (pages catch up from the thread's events).
    [Range(1, 10_000_000)]
    public int PushQueueCapacity { get; set; } = 10_000;

    // Threads deeper than this render flat, each reply saying whom it answers.
    public const int MaxIndent = 4;
}
