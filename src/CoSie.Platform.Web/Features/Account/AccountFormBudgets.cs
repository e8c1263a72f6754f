using Npgsql;

namespace CoSie.Platform.Web.Features.Account;

// The account-form budget of each client address, kept in PostgreSQL so that every app instance spends from the same
// one: behind a load balancer, a per-instance budget would let a flood through once per instance. A fixed window per
// client starts with its first form and lasts a minute; one statement counts the form and answers, so two instances
// never both take the last permit. Rows of windows long over are deleted now and then.
public sealed class AccountFormBudgets(DatabaseConnections connections, TimeProvider clock, ILogger<AccountFormBudgets> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);

    private const string SpendSql = """
        INSERT INTO account_form_windows AS w (client, window_start, used)
        VALUES (@client, now(), 1)
        ON CONFLICT (client) DO UPDATE SET
            window_start = CASE WHEN w.window_start <= now() - @window THEN now() ELSE w.window_start END,
            used = CASE WHEN w.window_start <= now() - @window THEN 1 ELSE w.used + 1 END
        RETURNING w.used, extract(epoch FROM w.window_start + @window - now())::float8
        """;

    private const string CleanupSql = "DELETE FROM account_form_windows WHERE window_start < now() - @window * 5";

    private long _nextCleanup = clock.GetUtcNow().UtcTicks;

    // Counts one form of this client and says whether it is within perMinute, and if not, how long until it is.
    public async Task<AccountFormSpend> SpendAsync(string client, int perMinute, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connections.App);
            await connection.OpenAsync(cancellationToken);
            await CleanUpIfDueAsync(connection, cancellationToken);
            await using var command = new NpgsqlCommand(SpendSql, connection);
            command.Parameters.AddWithValue("client", client);
            command.Parameters.AddWithValue("window", Window);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var used = reader.GetInt32(0);
            var left = TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1)));
            return used <= perMinute ? AccountFormSpend.Allowed : new AccountFormSpend(false, left);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Fail open: without the database the form fails on its own, and a budget that refused everyone would
            // turn an outage of the database into one of the sign-in page too.
            logger.LogWarning(exception, "Could not count an account form of {Client} against its budget; letting it through", client);
            return AccountFormSpend.Allowed;
        }
    }

    private async Task CleanUpIfDueAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextCleanup);
        if (now < due || Interlocked.CompareExchange(ref _nextCleanup, now + CleanupEvery.Ticks, due) != due)
        {
            return;
        }
        await using var cleanup = new NpgsqlCommand(CleanupSql, connection);
        cleanup.Parameters.AddWithValue("window", Window);
        await cleanup.ExecuteNonQueryAsync(cancellationToken);
    }
}
