using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Diagnostics;

public sealed partial class ServerTimingTests(ServerTimingTests.TimingFactory factory, PlatformFactory plain)
    : IClassFixture<ServerTimingTests.TimingFactory>, IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task With_server_timing_on_a_thread_page_reports_the_sql_commands_it_ran()
    {
        var cohort = await factory.OpenCohortAsync("Timed");
        var client = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Tia Timing"));
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Count my queries.");
        (await client.GetAsync(factory.ThreadUrl(cohort, reflectionId))).Dispose();

        factory.Commands.Reset();
        using var response = await client.GetAsync(factory.ThreadUrl(cohort, reflectionId));

        response.EnsureSuccessStatusCode();
        var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        var match = SqlMetric().Match(timing);
        Assert.True(match.Success, timing);
        var commands = int.Parse(match.Groups["commands"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var sessions = int.Parse(match.Groups["sessions"].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The test's counter counts as PostgreSQL does: EF Core's commands and each connection's session setup.
        Assert.Equal(factory.Commands.ConnectionOpens, sessions);
        Assert.Equal(factory.Commands.Count, commands + sessions);
        Assert.InRange(commands, 1, factory.Commands.Count);
    }

    [Fact]
    public async Task Without_the_setting_no_response_tells_about_its_sql()
    {
        using var response = await plain.CreateClient().GetAsync("/");

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Server-Timing"));
    }

    [GeneratedRegex(@"sql;dur=[0-9.]+;desc=""(?<commands>[0-9]+)"", sql-session;desc=""(?<sessions>[0-9]+)""")]
    private static partial Regex SqlMetric();

    // Server-Timing is on in every DiscussionFactory; here the counter takes only what requests send, so that the
    // pushes after the reflection's post, still running in the background, cannot land in the count.
    public sealed class TimingFactory : DiscussionFactory
    {
        public TimingFactory() => Commands = new CommandCounter { RequestsOnly = true };
    }
}
