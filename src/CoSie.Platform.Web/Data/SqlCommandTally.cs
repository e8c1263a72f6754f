using System.Globalization;

namespace CoSie.Platform.Web.Data;

// The SQL a request sent: commands through EF Core (SqlCommandTallyInterceptor), their time, and the per-connection
// session setup for row-level security (TenantSessionInterceptor). Flows with the request's async calls; only
// requests that ServerTimingMiddleware tallies have one.
public sealed class SqlCommandTally
{
    private static readonly AsyncLocal<SqlCommandTally?> Ambient = new();

    private int _commands;
    private int _sessionSetups;
    private long _elapsedTicks;

    public static SqlCommandTally? Current => Ambient.Value;

    public int Commands => Volatile.Read(ref _commands);

    public int SessionSetups => Volatile.Read(ref _sessionSetups);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public static SqlCommandTally Start() => Ambient.Value = new SqlCommandTally();

    public void Command(TimeSpan duration)
    {
        Interlocked.Increment(ref _commands);
        Interlocked.Add(ref _elapsedTicks, duration.Ticks);
    }

    public void SessionSetup() => Interlocked.Increment(ref _sessionSetups);

    // Server-Timing metrics: "sql" is EF Core's commands with their summed time, "sql-session" the connection opens
    // that set the institution for row-level security (one statement each, outside EF Core's command pipeline).
    public string ServerTiming() => string.Create(CultureInfo.InvariantCulture,
        $"sql;dur={Elapsed.TotalMilliseconds:0.0};desc=\"{Commands}\", sql-session;desc=\"{SessionSetups}\"");
}
