using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// Accounts are global (one per person), so finding one needs no institution.
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
        var query = db.Users.AsNoTracking();
        if (Search is not null)
        {
            var pattern = "%" + LikePatterns.Escape(Search) + "%";
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern, @"\") || EF.Functions.ILike(u.Email!, pattern, @"\"));
        }

        Total = await query.CountAsync(cancellationToken);
        PageCount = Pager.CountOf(Total, PageSize);
        PageNumber = Pager.Clamp(page, PageCount);
        Rows = await query
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ThenBy(u => u.Id)
            .Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsDisabled, u.IsPlatformAdmin, u.CreatedAt))
            .ToListAsync(cancellationToken);
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
        return QueryHelpers.AddQueryString("/admin/accounts", query);
    }

    public sealed record Row(Guid Id, string DisplayName, string Email, bool IsDisabled, bool IsPlatformAdmin, DateTimeOffset CreatedAt);
}
