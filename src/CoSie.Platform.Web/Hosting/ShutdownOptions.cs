using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Hosting;

// How long an instance asked to stop (a deploy, a scale-down, `docker stop`) waits for what it is doing: requests in
// flight finish, live connections are closed so that their pages reconnect to another instance, and running jobs
// get most of the time to finish before they are cancelled (Hangfire then hands them to another server).
// Shutdown:TimeoutSeconds, 30 by default; give the container's stop grace period a few seconds more.
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
