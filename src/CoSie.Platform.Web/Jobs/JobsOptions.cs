namespace CoSie.Platform.Web.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    // Each instance runs a Hangfire server by default; switch it off where job servers run separately.
    public bool ServerEnabled { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Clamp(Environment.ProcessorCount * 2, 2, 10);

    // How often each server looks for delayed and recurring jobs that are due. All servers look; a distributed lock
    // lets one of them enqueue each occurrence.
    public int SchedulePollingSeconds { get; set; } = 15;

    public string SchemaName { get; set; } = "hangfire";
}
