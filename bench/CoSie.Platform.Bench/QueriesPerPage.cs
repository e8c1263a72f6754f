using System.Globalization;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Bench;

// SQL per request, as the app reports it in Server-Timing (counted by its EF Core interceptor): the commands EF Core
// sent and the connection opens that set the institution for row-level security. pg_stat_statements counts the same
// requests on the server as a cross-check.
public sealed partial class QueriesPerPage(QueryCounter counter)
{
    private const int Requests = 20;

    public async Task<QueryCount> MeasureAsync(Session member, string name, string url)
    {
        // Warm: the thread cache and the app's own lookups are filled, as they are for nearly every request.
        (await member.GetAsync(url)).Dispose();
        await counter.ResetAsync();
        var commands = new List<int>();
        var sessions = new List<int>();
        for (var i = 0; i < Requests; i++)
        {
            using var response = await member.GetAsync(url);
            response.EnsureSuccessStatusCode();
            var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(", ", values) : string.Empty;
            var match = SqlMetric().Match(timing);
            if (!match.Success)
            {
                throw new InvalidOperationException($"{url} sent no Server-Timing SQL metric; is Diagnostics__ServerTiming on? ({timing})");
            }
            commands.Add(int.Parse(match.Groups["commands"].Value, CultureInfo.InvariantCulture));
            sessions.Add(int.Parse(match.Groups["sessions"].Value, CultureInfo.InvariantCulture));
        }
        var statements = (double)await counter.CountAsync() / Requests;
        return new QueryCount(name, commands.Min(), commands.Max(), sessions.Max(), statements);
    }

    [GeneratedRegex(@"sql;dur=[0-9.]+;desc=""(?<commands>[0-9]+)"", sql-session;desc=""(?<sessions>[0-9]+)""")]
    private static partial Regex SqlMetric();
}

// Per request: EF Core commands (fewest and most over the requests), connection setups, and every statement
// PostgreSQL ran on average (both together, as the server sees them).
public sealed record QueryCount(string Page, int Commands, int MaxCommands, int SessionSetups, double ServerStatements);
