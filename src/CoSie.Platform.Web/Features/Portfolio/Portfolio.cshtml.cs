using System.Globalization;
using System.Text;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Portfolio;

// A member downloads their own posts in one cohort, as HTML or Markdown. Like the other account pages it works at the
// platform's root and under any institution: the cohort is found among the person's own memberships in every
// institution, and read inside its institution.
public sealed class PortfolioModel(PlatformDbContext db, TenantScopes scopes, PortfolioFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid cohortId, string? format, CancellationToken cancellationToken)
    {
        var markdown = format is "markdown" or "md";
        if (!markdown && format is not (null or "html"))
        {
            return BadRequest();
        }
        var userId = User.RequiredAccountId();
        // Across institutions on purpose, and only the person's own membership of this cohort.
        var institutionId = await db.AcrossInstitutionsAsync(across => across.CohortMembers.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(m => m.UserId == userId && m.CohortId == cohortId).Select(m => (Guid?)m.InstitutionId)
            .SingleOrDefaultAsync(cancellationToken), cancellationToken);
        if (institutionId is not { } id)
        {
            return NotFound();
        }

        PortfolioDocument? document;
        string zoneId;
        await using (var scope = await scopes.EnterAsync(id, cancellationToken))
        {
            document = await scope.ServiceProvider.GetRequiredService<LearnerPortfolio>().LoadAsync(cohortId, userId, cancellationToken);
            zoneId = scope.ServiceProvider.GetRequiredService<TenantContext>().Required.TimeZoneId;
        }
        if (document is null)
        {
            return NotFound();
        }
        var personZone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        var zone = ReaderTimeZone.Of(personZone, zoneId);
        // Dates in the person's region, the file's language that of the page they asked from.
        var culture = CultureInfo.CurrentCulture;
        Response.Headers.CacheControl = "no-store";
        var name = $"portfolio-{cohortId:N}";
        return markdown
            ? File(Encoding.UTF8.GetBytes(files.Markdown(document, zone, culture)), "text/markdown; charset=utf-8", name + ".md")
            : File(Encoding.UTF8.GetBytes(files.Html(document, zone, culture, CultureInfo.CurrentUICulture)), "text/html; charset=utf-8", name + ".html");
    }
}
