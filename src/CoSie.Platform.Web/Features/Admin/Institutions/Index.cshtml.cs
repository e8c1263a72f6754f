using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CoSie.Platform.Web.Features.Admin.Institutions;

public sealed class IndexModel(PlatformDbContext db) : PageModel
{
    public const int PageSize = 25;

    public string? Search { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    // "page" is a route value of its own in Razor Pages, so the query parameters are read from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var query = db.Institutions.AsNoTracking();
        if (Search is not null)
        {
            var pattern = "%" + LikePatterns.Escape(Search) + "%";
            query = query.Where(i => EF.Functions.ILike(i.Name, pattern, @"\") || EF.Functions.ILike(i.Slug, pattern, @"\"));
        }

        Total = await query.CountAsync(cancellationToken);
        PageCount = Pager.CountOf(Total, PageSize);
        PageNumber = Pager.Clamp(page, PageCount);
        var institutions = await query
            .OrderBy(i => i.Name).ThenBy(i => i.Slug)
            .Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize)
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

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>();
        if (Search is not null)
        {
            query["q"] = Search;
        }
        if (page > 1)
        {
            query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString("/admin/institutions", query);
    }

    public sealed record Row(Guid Id, string Name, string Slug, IReadOnlyList<string> HostNames, string TimeZoneId, int Members, int Admins);
}
