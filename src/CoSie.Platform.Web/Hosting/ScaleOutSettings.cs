namespace CoSie.Platform.Web.Hosting;

// Settings that matter once the app runs as several instances behind one address.
public static class ScaleOutSettings
{
    // A StackExchange.Redis connection string (e.g. redis:6379). Set it on every instance: SignalR then reaches the
    // connections held by the others, and live cut-offs travel between them. Unset, one instance works alone.
    public const string RedisConnection = "Redis:Connection";

    // Channels of this app on a Redis server that may be shared with other applications.
    public const string RedisChannelPrefix = "cosie";
}
