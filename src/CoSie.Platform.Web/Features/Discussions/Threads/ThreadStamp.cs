namespace CoSie.Platform.Web.Features.Discussions.Threads;

// Which state of its thread a snapshot holds at least: the thread's version and last event when the reader looked
// them up, and when its rows were last all read from the database (author names are not versioned, so a snapshot
// kept up to date one change at a time is read whole again after a while).
public readonly record struct ThreadStamp(long Version, long Sequence, DateTimeOffset LoadedAt);
