namespace CoSie.Platform.Web.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    // Each instance runs a Hangfire server by default; switch it off where job servers run separately.
    public bool ServerEnabled { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Clamp(Environment.ProcessorCount * 2, 2, 10);

    public string SchemaName { get; set; } = "hangfire";
}
