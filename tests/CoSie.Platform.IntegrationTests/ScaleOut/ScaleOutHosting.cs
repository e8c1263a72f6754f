using Microsoft.AspNetCore.Hosting;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// What makes a test host one of several instances: the Redis they share, and a Hangfire server of its own that looks
// for due recurring jobs every second. (Each also serves a real loopback port and shares the test database.)
public static class ScaleOutHosting
{
    public const string InstanceSetting = "ScaleOutTest:Instance";

    public static string Redis =>
        Environment.GetEnvironmentVariable("COSIE_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "COSIE_TEST_REDIS is not set. Run the tests with ./cosie test, which starts a private redis-server, " +
                "or set it to host:port of a Redis server the tests may use.");

    public static void Configure(IWebHostBuilder builder, string instance)
    {
        builder.UseSetting("Redis:Connection", Redis);
        builder.UseSetting("Jobs:ServerEnabled", "true");
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Jobs:SchedulePollingSeconds", "1");
        builder.UseSetting("Shutdown:TimeoutSeconds", "10");
        builder.UseSetting(InstanceSetting, instance);
    }
}
