using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    // Each instance runs a Hangfire server by default; switch it off where job servers run separately.
    public bool ServerEnabled { get; set; } = true;

    [Range(1, 100)]
    public int WorkerCount { get; set; } = Math.Clamp(Environment.ProcessorCount * 2, 2, 10);

    // How often each server looks for delayed and recurring jobs that are due. All servers look; a distributed lock
    // lets one of them enqueue each occurrence.
    [Range(1, 3600)]
    public int SchedulePollingSeconds { get; set; } = 15;

    // Becomes part of Hangfire's SQL, so a plain PostgreSQL name only.
    [Required, RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string SchemaName { get; set; } = "hangfire";

    public static void Check(JobsOptions options)
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new OptionsValidationException(Section, typeof(JobsOptions),
                problems.Select(p => $"{Section}:{string.Join(", ", p.MemberNames)}: {p.ErrorMessage}"));
        }
    }
}
