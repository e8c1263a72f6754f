using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

public sealed class IndexModel(PlatformDbContext db) : SearchablePageModel<IndexModel.Row>("/admin/institutions")
{
    // "page" is a route value of its own in Razor Pages, so the query parameters are read from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Institutions.AsNoTracking();
        if (SearchPattern(q) is { } pattern)
        {
            query = query.Where(i => EF.Functions.ILike(i.Name, pattern, @"\") || EF.Functions.ILike(i.Slug, pattern, @"\"));
        }

        var shown = await PageOfAsync(query.OrderBy(i => i.Name).ThenBy(i => i.Slug), page, cancellationToken);
        var institutions = await shown
            .Select(i => new { i.Id, i.Name, i.Slug, i.HostNames, i.TimeZoneId })
            .ToListAsync(cancellationToken);

        // Platform administration is the one place that looks across institutions: counting every
        // institution's members needs the tenant filter off, and this page shows counts only, never people.
        var ids = institutions.Select(i => i.Id).ToList();
        var counts = await db.AcrossInstitutionsAsync(across => across.InstitutionMemberships
            .IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(m => ids.Contains(m.InstitutionId))
            .GroupBy(m => m.InstitutionId)
            .Select(g => new { InstitutionId = g.Key, Members = g.Count(), Admins = g.Count(m => m.Role == InstitutionRole.Admin) })
            .ToDictionaryAsync(c => c.InstitutionId, cancellationToken), cancellationToken);

        Rows = institutions.Select(i =>
        {
            var count = counts.GetValueOrDefault(i.Id);
            return new Row(i.Id, i.Name, i.Slug, i.HostNames, i.TimeZoneId, count?.Members ?? 0, count?.Admins ?? 0);
        }).ToList();
    }

    public sealed record Row(Guid Id, string Name, string Slug, IReadOnlyList<string> HostNames, string TimeZoneId, int Members, int Admins);
}
