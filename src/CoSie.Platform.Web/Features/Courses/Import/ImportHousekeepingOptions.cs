using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Bound from "Import:Housekeeping": how long imports are kept, and when a queued one counts as never started.
public sealed class ImportHousekeepingOptions
{
    public const string Section = "Import:Housekeeping";

    // Days an import (its preview or its failure message; the uploaded bytes go when it is read) stays listed.
    [Range(1, 3650)]
    public int KeepDays { get; set; } = 30;

    // Minutes an import may wait in the queue before it counts as lost: its page says so, and TidyCourseImportsJob marks
    // it failed. Reading starts within seconds when the job servers run.
    [Range(1, 1440)]
    public int QueuedMinutes { get; set; } = 15;
}
