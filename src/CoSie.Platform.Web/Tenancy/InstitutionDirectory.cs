using CoSie.Platform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CoSie.Platform.Web.Tenancy;

// Looks institutions up by slug, host name or id. Institutions are not tenant-owned, so no filter applies;
// lookups are cached briefly because every request needs one.
public sealed class InstitutionDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string AllKey = "institutions:all";

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

    public void Invalidate() => cache.Remove(AllKey);

    private async Task<Snapshot> AllAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(AllKey, out Snapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(cancellationToken);
        var infos = institutions.Select(InstitutionInfo.From).ToList();
        snapshot = new Snapshot(
            infos.ToDictionary(i => i.Id),
            infos.ToDictionary(i => i.Slug, StringComparer.Ordinal),
            infos.SelectMany(i => i.HostNames.Select(h => (Host: h.ToLowerInvariant(), Info: i)))
                .GroupBy(x => x.Host, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Info, StringComparer.Ordinal));
        cache.Set(AllKey, snapshot, Lifetime);
        return snapshot;
    }

    private sealed record Snapshot(
        Dictionary<Guid, InstitutionInfo> ById,
        Dictionary<string, InstitutionInfo> BySlug,
        Dictionary<string, InstitutionInfo> ByHost);
}
