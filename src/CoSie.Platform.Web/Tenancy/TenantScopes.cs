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
}
