using CoSie.Platform.Web.Tenancy;
using Hangfire;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Reads one queued import in its institution. Not retried: a failure is the instructor's to see on the import's page,
// and the run itself writes it there; a run cut off by a shutdown is handed to another server by the queue.
public sealed class CourseImportJob(TenantScopes scopes)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid institutionId, Guid importId, CancellationToken cancellationToken)
    {
        await using var scope = await scopes.EnterAsync(institutionId, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RunCourseImport>().RunAsync(importId, cancellationToken);
    }
}
