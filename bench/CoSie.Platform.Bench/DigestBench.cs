using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace CoSie.Platform.Bench;

// A cohort's weekly digests as the app sends them: the instructor presses "Send this week's digests now", the page
// claims a delivery per member and queues SendCohortDigestsJob, the app's own Hangfire server runs it, and MailKit
// hands every message to a real SMTP server on loopback. Each size runs in a freshly started app, so that its
// peak memory is its own.
public sealed class DigestBench(string repository, string connectionString, string webRoot, string logFolder, QueryCounter counter)
{
    public async Task<DigestResult> RunAsync(int members, Guid cohortId)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await AppProcess.StartAsync(repository, connectionString, webRoot, Path.Combine(logFolder, $"app-digest-{members}.log"), new Dictionary<string, string>
        {
            ["Jobs__ServerEnabled"] = "true",
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__SmtpSecurity"] = "None",
        });
        using var instructor = await Session.SignInAsync(app.BaseAddress, DigestSeeder.Instructor, DigestSeeder.Institution);
        var page = $"/{DigestSeeder.Institution}/cohorts/{cohortId}/digest";
        var token = await instructor.TokenAsync(page);
        var (rssBefore, _) = app.Memory();
        await counter.ResetAsync();
        app.ResetPeak();

        var clock = Stopwatch.StartNew();
        // The page sends only with its confirmation ticked; anything else comes back to the form (#send-now).
        using (var response = await instructor.PostFormAsync(page + "?handler=SendNow", token, new Dictionary<string, string> { ["confirm"] = "true" }))
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.EndsWith("#send-now", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"Send now answered {(int)response.StatusCode} ({response.Headers.Location}) and queued nothing.");
            }
        }
        var (total, pending, sent) = (0L, 0L, 0L);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        var peak = 0.0;
        while (DateTime.UtcNow < deadline)
        {
            (total, pending, sent) = await DeliveriesAsync(cohortId);
            peak = Math.Max(peak, app.Memory().Peak);
            if (total > 0 && pending == 0)
            {
                break;
            }
            await Task.Delay(200);
        }
        var wall = clock.Elapsed.TotalSeconds;
        var job = await JobSecondsAsync(cohortId);
        var statements = await counter.CountAsync(excludeJobStorage: true);
        peak = Math.Max(peak, app.Memory().Peak);
        return new DigestResult(members, total, sent, pending, smtp.Messages, wall, job,
            members / (job ?? wall), statements, rssBefore, peak, app.Errors);
    }

    private async Task<(long Total, long Pending, long Sent)> DeliveriesAsync(Guid cohortId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "/* bench */ SELECT count(*), count(*) FILTER (WHERE status = 'Pending'), count(*) FILTER (WHERE status = 'Sent') FROM digest_deliveries WHERE cohort_id = @cohort",
            connection);
        command.Parameters.AddWithValue("cohort", cohortId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    // The job's own run time as Hangfire recorded it (PerformanceDuration of its Succeeded state), which leaves out
    // the wait for a worker to pick it up. Null if it has not succeeded.
    private async Task<double?> JobSecondsAsync(Guid cohortId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "/* bench */ SELECT s.data::text FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Succeeded' AND j.invocationdata::text LIKE '%SendCohortDigestsJob%' AND j.arguments::text LIKE @cohort ORDER BY s.id DESC LIMIT 1",
                connection);
            command.Parameters.AddWithValue("cohort", $"%{cohortId}%");
            if (await command.ExecuteScalarAsync() is string data)
            {
                using var json = JsonDocument.Parse(data);
                if (json.RootElement.TryGetProperty("PerformanceDuration", out var duration)
                    && double.TryParse(duration.GetString(), CultureInfo.InvariantCulture, out var ms))
                {
                    return ms / 1000;
                }
            }
            await Task.Delay(200);
        }
        return null;
    }
}

// Times in seconds, memory in MB. Statements: everything the app ran in PostgreSQL for the send, Hangfire's own
// bookkeeping left out. MembersPerSecond is over the job's run time.
public sealed record DigestResult(
    int Members, long Deliveries, long Sent, long Pending, long SmtpMessages, double WallSeconds, double? JobSeconds,
    double MembersPerSecond, long Statements, double RssBeforeMb, double PeakRssMb, int AppErrorLines);
