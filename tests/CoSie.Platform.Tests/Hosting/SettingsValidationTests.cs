using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Tests.Hosting;

// A setting out of range stops the start with its name, instead of being corrected where it is used.
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Discussions:PageSize", "0")]
    [InlineData("Discussions:ReflectionsPerPage", "-3")]
    [InlineData("Discussions:ThreadCacheBytes", "999999")]
    [InlineData("Discussions:PostsPerMinute", "0")]
    [InlineData("Discussions:HubRefusalWindowSeconds", "0")]
    [InlineData("Email:SmtpPort", "70000")]
    [InlineData("Email:FromAddress", "not an address")]
    [InlineData("Email:SmtpTimeoutSeconds", "0")]
    [InlineData("App:PublicBaseUrl", "learn.example.org")]
    [InlineData("App:PublicBaseUrl", "ftp://learn.example.org")]
    [InlineData("Requests:MaxBodyBytes", "10")]
    [InlineData("RateLimits:AccountFormsPerMinute", "0")]
    [InlineData("Shutdown:TimeoutSeconds", "0")]
    public void A_setting_out_of_range_is_refused_with_its_name(string key, string value)
    {
        using var services = Services(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(services, key.Split(':')[0]));

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jobs:WorkerCount", "0")]
    [InlineData("Jobs:SchedulePollingSeconds", "0")]
    [InlineData("Jobs:SchemaName", "hangfire; drop table x")]
    public void A_job_setting_out_of_range_is_refused_as_the_jobs_are_registered(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddPlatformJobs(configuration));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = Services("Unrelated:Key", "1");

        foreach (var section in new[] { "Discussions", "Email", "App", "Requests", "RateLimits", "Shutdown" })
        {
            Resolve(services, section);
        }
        JobsOptions.Check(new JobsOptions());
    }

    [Fact]
    public void Settings_in_range_are_taken_as_given()
    {
        using var services = Services("Discussions:PageSize", "7");

        Assert.Equal(7, services.GetRequiredService<IOptions<DiscussionOptions>>().Value.PageSize);
    }

    private static ServiceProvider Services(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddPlatformWeb(configuration).AddPlatformEmail(configuration).AddDiscussions(configuration).BuildServiceProvider();
    }

    private static object Resolve(IServiceProvider services, string section) => section switch
    {
        "Discussions" => services.GetRequiredService<IOptions<DiscussionOptions>>().Value,
        "Email" => services.GetRequiredService<IOptions<EmailOptions>>().Value,
        "App" => services.GetRequiredService<IOptions<AppOptions>>().Value,
        "Requests" => services.GetRequiredService<IOptions<RequestLimits>>().Value,
        "RateLimits" => services.GetRequiredService<IOptions<RateLimits>>().Value,
        "Shutdown" => services.GetRequiredService<IOptions<ShutdownOptions>>().Value,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
