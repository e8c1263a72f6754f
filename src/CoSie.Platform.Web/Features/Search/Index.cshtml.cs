using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Search;

// The results page of the header's search box: a GET form, so results have an address, work without JavaScript and
// page with plain links. Someone who is not a member of this institution finds nothing to search (404).
[Authorize]
public sealed class IndexModel(SearchDiscussions search, PlatformDbContext db, TenantContext tenant) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "cohort")]
    public Guid? CohortId { get; set; }

    [FromQuery(Name = "module")]
    public Guid? ModuleId { get; set; }

    [FromQuery(Name = "prompt")]
    public Guid? PromptId { get; set; }

    [FromQuery(Name = "author")]
    public string? Author { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "mine")]
    public bool Mine { get; set; }

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = SearchResult.Refused(SearchOutcome.NoQuery);
    public bool UnreadableDate { get; private set; }
    public int PageCount => Math.Min(SearchDiscussions.MaxPage, Pager.CountOf(Result.Total, SearchDiscussions.PageSize));
    public bool HasFilters => CohortId is not null || ModuleId is not null || PromptId is not null || !string.IsNullOrWhiteSpace(Author) || From is not null || To is not null || Mine;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A date the browser did not write (typed into the address) is left out, and the page says so.
        UnreadableDate = ModelState.TryGetValue("from", out var from) && from.Errors.Count > 0
            || ModelState.TryGetValue("to", out var to) && to.Errors.Count > 0;
        PageNumber = Math.Clamp(PageNumber, 1, SearchDiscussions.MaxPage);
        var zone = ReaderTimeZone.Of(User, tenant.Institution);
        // One connection for the page's statements: each open is one more (the institution for row-level security).
        await db.Database.OpenConnectionAsync(cancellationToken);
        Result = await search.ExecuteAsync(User.RequiredAccountId(), new SearchRequest(
            Query, CohortId, ModuleId, PromptId, Author,
            From is { } f ? StartOf(f, zone) : null,
            To is { } t ? StartOf(t.AddDays(1), zone) : null,
            Mine, PageNumber), cancellationToken);
        return Result.Outcome == SearchOutcome.NotFound ? NotFound() : Page();
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    // This page's address for another page of the same results.
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["cohort"] = CohortId?.ToString(),
            ["module"] = ModuleId?.ToString(),
            ["prompt"] = PromptId?.ToString(),
            ["author"] = string.IsNullOrWhiteSpace(Author) ? null : Author,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["mine"] = Mine ? "true" : null,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(string.Empty, query.Where(p => p.Value is not null));
    }
}
