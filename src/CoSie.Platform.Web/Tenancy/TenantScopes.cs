namespace CoSie.Platform.Web.Tenancy;

// The one way for code outside a request (jobs, hub calls, platform administration) to act inside an
// institution: a fresh DI scope whose tenant context is set before anything else resolves the DbContext.
public sealed class TenantScopes(IServiceScopeFactory scopeFactory, InstitutionDirectory directory)
{
    public async Task<AsyncServiceScope> EnterAsync(Guid institutionId, CancellationToken cancellationToken = default)
    {
        var institution = await directory.FindByIdAsync(institutionId, cancellationToken)
            ?? throw new InvalidOperationException($"Institution {institutionId} does not exist.");
        return Enter(institution);
    }

    public AsyncServiceScope Enter(InstitutionInfo institution)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(institution);
        return scope;
    }

    // The fan-out of the recurring jobs: does the work in every institution, or in those of `only`, one after the
    // other (by slug), each inside its own scope. The list is read from the database, not the directory's cache, so an
    // institution made a moment ago is included. One institution's failure is logged with its name and does not stop
    // the others; the run fails at the end, so the job's history shows it.
    public async Task ForEachInstitutionAsync(
        Func<InstitutionInfo, IServiceProvider, Task> work, ILogger logger, CancellationToken cancellationToken, IReadOnlyCollection<Guid>? only = null)
    {
        List<InstitutionInfo> institutions;
        await using (var listing = scopeFactory.CreateAsyncScope())
        {
            var query = listing.ServiceProvider.GetRequiredService<PlatformDbContext>().Institutions.AsNoTracking();
            if (only is not null)
            {
                query = query.Where(i => only.Contains(i.Id));
            }
            institutions = [.. (await query.OrderBy(i => i.Slug).ToListAsync(cancellationToken)).Select(InstitutionInfo.From)];
        }
        var failures = new List<Exception>();
        foreach (var institution in institutions)
        {
            await using var scope = Enter(institution);
            try
            {
                await work(institution, scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The work failed in {Institution} ({InstitutionId}); the other institutions go on", institution.Slug, institution.Id);
                failures.Add(e);
            }
        }
        if (failures.Count > 0)
        {
            throw new AggregateException($"The work failed in {failures.Count} of {institutions.Count} institutions.", failures);
        }
    }
}
