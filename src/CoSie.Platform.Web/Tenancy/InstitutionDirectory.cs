using CoSie.Platform.Web.Hosting;

namespace CoSie.Platform.Web.Tenancy;

// Looks institutions up by slug, host name or id. Institutions are not tenant-owned, so no filter applies;
// lookups are cached briefly because every request needs one. While the database is away, the last list read keeps
// serving, so that requests still find their institution and can at least say what happened.
public sealed class InstitutionDirectory(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InstitutionDirectory> logger) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // During an outage each request would otherwise wait for its own failed connection attempt first.
    private static readonly TimeSpan RetryOutageAfter = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<InstitutionInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return all.BySlug.GetValueOrDefault(slug.ToLowerInvariant());
    }

    public async Task<InstitutionInfo?> FindByHostAsync(string host, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return all.ByHost.GetValueOrDefault(host.ToLowerInvariant());
    }

    public async Task<InstitutionInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return all.ById.GetValueOrDefault(id);
    }

    // The next lookup reads the list again; the old one stays as the fallback for an outage.
    public void Invalidate()
    {
        if (_snapshot is { } snapshot)
        {
            _snapshot = snapshot with { FreshUntil = DateTimeOffset.MinValue };
        }
    }

    public void Dispose() => _loading.Dispose();

    private async Task<Snapshot> AllAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() < snapshot.FreshUntil)
        {
            return snapshot;
        }
        // One reload at a time; the requests meanwhile wait for it, or take the list it just read.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() < snapshot.FreshUntil)
            {
                return snapshot;
            }
            try
            {
                snapshot = await LoadAsync(cancellationToken);
            }
            catch (Exception ex) when (snapshot is not null && DatabaseOutage.Is(ex))
            {
                // Institutions change rarely; a list some minutes old is better than no page at all.
                logger.LogWarning(ex, "The database is unavailable; institutions are served from the list read at {LoadedAt}", snapshot.LoadedAt);
                snapshot = snapshot with { FreshUntil = clock.GetUtcNow() + RetryOutageAfter };
            }
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(cancellationToken);
        var infos = institutions.Select(InstitutionInfo.From).ToList();
        var now = clock.GetUtcNow();
        return new Snapshot(
            now,
            now + Lifetime,
            infos.ToDictionary(i => i.Id),
            infos.ToDictionary(i => i.Slug, StringComparer.Ordinal),
            infos.SelectMany(i => i.HostNames.Select(h => (Host: h.ToLowerInvariant(), Info: i)))
                .GroupBy(x => x.Host, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Info, StringComparer.Ordinal));
    }

    private sealed record Snapshot(
        DateTimeOffset LoadedAt,
        DateTimeOffset FreshUntil,
        Dictionary<Guid, InstitutionInfo> ById,
        Dictionary<string, InstitutionInfo> BySlug,
        Dictionary<string, InstitutionInfo> ByHost);
}
