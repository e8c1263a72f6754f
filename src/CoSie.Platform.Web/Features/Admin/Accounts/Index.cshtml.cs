using Microsoft.AspNetCore.Mvc;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// Accounts are global (one per person), so finding one needs no institution.
public sealed class IndexModel(PlatformDbContext db) : SearchablePageModel<IndexModel.Row>("/admin/accounts")
{
    // "page" is a route value of its own in Razor Pages, so the query parameters are read from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (SearchPattern(q) is { } pattern)
        {
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern, @"\") || EF.Functions.ILike(u.Email!, pattern, @"\"));
        }

        var shown = await PageOfAsync(query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ThenBy(u => u.Id), page, cancellationToken);
        Rows = await shown
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsDisabled, u.IsPlatformAdmin, u.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string DisplayName, string Email, bool IsDisabled, bool IsPlatformAdmin, DateTimeOffset CreatedAt);
}
