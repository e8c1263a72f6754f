using CoSie.Platform.Web.Features.NextSteps;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Institutions;

public sealed class HomeModel(PlatformDbContext db, TenantContext tenant, CurrentMembership membership, WhatNext whatNext) : PageModel
{
    public InstitutionInfo Institution => tenant.Required;
    public InstitutionRole? Role { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<CourseCard> Courses { get; private set; } = [];
    public IReadOnlyList<CohortSteps> NextSteps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var member = await membership.GetAsync(User, cancellationToken);
        Role = member?.Role;
        CanManage = member?.Grants(InstitutionRole.Instructor) == true;
        if (member is not null)
        {
            NextSteps = await whatNext.ForAsync(member.UserId, onlyCohortId: null, cancellationToken);
        }
        Courses = await db.Courses.AsNoTracking()
            .Where(c => member != null || c.Visibility == CourseVisibility.Public)
            .OrderBy(c => c.Title)
            .Select(c => new CourseCard(c.Slug, c.Title, c.Summary, c.Visibility == CourseVisibility.Public,
                c.Modules.Count(m => m.Status == ModuleStatus.Published)))
            .ToListAsync(cancellationToken);
    }

    public sealed record CourseCard(string Slug, string Title, string Summary, bool IsPublic, int PublishedModules);
}
