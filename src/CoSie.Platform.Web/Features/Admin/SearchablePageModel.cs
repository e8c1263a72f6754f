using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CoSie.Platform.Web.Features.Admin;

// What the platform's searchable lists (accounts, institutions) share: the search text as typed (trimmed), one page of
// the rows that match it, and links to the other pages that keep the search. Each list says what it searches and
// how it orders and shows the rows.
public abstract class SearchablePageModel<TRow>(string path) : PageModel
{
    public const int PageSize = 25;

    public string? Search { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<TRow> Rows { get; protected set; } = [];

    // Keeps the search text and returns the ILIKE pattern that finds it anywhere (escaped for "\"), or null for none.
    protected string? SearchPattern(string? q)
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        return Search is null ? null : "%" + LikePatterns.Escape(Search) + "%";
    }

    // Counts what the query finds, settles on the page asked for (clamped to those there are) and returns that page.
    protected async Task<IQueryable<T>> PageOfAsync<T>(IOrderedQueryable<T> query, int page, CancellationToken cancellationToken)
    {
        Total = await query.CountAsync(cancellationToken);
        PageCount = Pager.CountOf(Total, PageSize);
        PageNumber = Pager.Clamp(page, PageCount);
        return query.Skip(Pager.Skip(PageNumber, PageSize)).Take(PageSize);
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
        return QueryHelpers.AddQueryString(path, query);
    }
}
