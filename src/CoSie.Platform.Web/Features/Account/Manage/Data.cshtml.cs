using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

// The right of access (GDPR art. 15): everything the account holds about the person, in a file they can keep.
public sealed class DataModel(UserManager<PlatformUser> users, PlatformDbContext db, TimeProvider clock, ILogger<DataModel> logger) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var account = typeof(PlatformUser).GetProperties()
            .Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute)))
            .ToDictionary(p => p.Name, p => p.GetValue(user));

        // A person's data spans every institution they belong to, so the tenant filter is lifted here, and the
        // Where keeps the query to this person's own memberships.
        var memberships = await db.AcrossInstitutionsAsync(across => across.InstitutionMemberships
            .IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .Join(across.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { i.Slug, i.Name, m.Role, m.CreatedAt })
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken), cancellationToken);

        // The person's own posts in every institution, with their research consent per cohort and its history.
        var userId = user.Id;
        var (reflections, replies, consents, nudges, proposals) = await db.AcrossInstitutionsAsync(async across =>
        {
            var ownReflections = await (
                    from r in across.Reflections.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                    where r.AuthorId == userId
                    join i in across.Institutions on r.InstitutionId equals i.Id
                    orderby r.CreatedAt
                    select new { r.Id, Institution = i.Slug, r.CohortId, r.PromptId, Status = r.Status.ToString(), r.CreatedAt, r.EditedAt, Body = r.BodySource })
                .AsNoTracking().ToListAsync(cancellationToken);
            var ownReplies = await (
                    from p in across.Replies.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                    where p.AuthorId == userId
                    join r in across.Reflections.IgnoreQueryFilters([PlatformDbContext.TenantFilter]) on p.ReflectionId equals r.Id
                    join i in across.Institutions on p.InstitutionId equals i.Id
                    orderby p.CreatedAt
                    select new { p.Id, Institution = i.Slug, r.CohortId, p.ReflectionId, p.ParentReplyId, Status = p.Status.ToString(), p.CreatedAt, p.EditedAt, Body = p.BodySource })
                .AsNoTracking().ToListAsync(cancellationToken);
            var consentChanges = await across.ResearchConsentChanges.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
                .Where(c => c.UserId == userId).OrderBy(c => c.At)
                .Select(c => new { c.CohortId, c.Given, c.At })
                .ToListAsync(cancellationToken);
            // Reminders the person received, without who sent them: that is the instructor's data, not theirs.
            var received = await across.CohortNudges.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
                .Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt)
                .Select(n => new { n.CohortId, n.PromptId, n.CreatedAt, n.MailedAt })
                .ToListAsync(cancellationToken);
            // Prompts the person proposed (with the instructor's decision), the proposals they supported, and their
            // remarks under proposals: each the person's own act, so other members' remarks stay out.
            var proposed = await across.PromptProposals.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
                .Where(p => p.AuthorId == userId).OrderBy(p => p.CreatedAt)
                .Select(p => new { p.Id, p.CohortId, p.ModuleId, p.Text, p.Why, Status = p.Status.ToString(), p.DeclineReason, p.PromptId, p.CreatedAt, p.DecidedAt, p.IsHidden })
                .ToListAsync(cancellationToken);
            var supported = await across.ProposalSupports.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
                .Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
                .Select(s => new { s.ProposalId, s.CreatedAt })
                .ToListAsync(cancellationToken);
            var remarks = await across.ProposalComments.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
                .Where(c => c.AuthorId == userId).OrderBy(c => c.CreatedAt)
                .Select(c => new { c.Id, c.ProposalId, c.Text, c.CreatedAt, c.IsHidden })
                .ToListAsync(cancellationToken);
            return (ownReflections, ownReplies, consentChanges, received, new { Proposed = proposed, Supported = supported, Comments = remarks });
        }, cancellationToken);

        var export = new
        {
            ExportedAt = clock.GetUtcNow(),
            Account = account,
            Memberships = memberships.Select(m => new { Institution = m.Slug, InstitutionName = m.Name, Role = m.Role.ToString(), Since = m.CreatedAt }),
            Reflections = reflections,
            Replies = replies,
            ResearchConsent = consents,
            Reminders = nudges,
            Proposals = proposals.Proposed,
            ProposalSupports = proposals.Supported,
            ProposalComments = proposals.Comments,
        };
        logger.LogInformation("Account {UserId} downloaded its personal data", user.Id);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", "cosie-personal-data.json");
    }
}
