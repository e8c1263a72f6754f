using Npgsql;

namespace CoSie.Platform.Web.Hosting;

// Tells "the database cannot be reached" (down, restarting, refusing connections) from every other failure, so that
// a request can be answered with 503 and Retry-After instead of a 500 that looks like a bug.
public static class DatabaseOutage
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 08 is a broken or refused connection, 57P a server shutting down, starting or gone, 53300 no
                // connection slot left. Other transient states (serialization failures, deadlocks) are not outages.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState == PostgresErrorCodes.TooManyConnections;
                // Npgsql's own verdict on a failure below the protocol: the socket, a timeout, a closed stream.
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }
        return false;
    }
}
