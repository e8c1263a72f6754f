using CoSie.Platform.Web.Features.Cohorts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Profiles;

[Authorize(Policy = PlatformPolicies.InstitutionMember)]
public sealed class MemberModel(MemberProfiles profiles, CohortCalendar calendar) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public MemberProfile Member { get; private set; } = null!;
    public MemberPostsPage Posts { get; private set; } = null!;
    public bool IsMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid cohortId, Guid userId, [FromQuery(Name = "p")] int? p, CancellationToken cancellationToken)
    {
        var (grant, member) = await profiles.FindAsync(cohortId, userId, User, cancellationToken);
        if (!grant.Allowed)
        {
            return grant.Refusal;
        }
        if (member is null)
        {
            return NotFound();
        }
        Cohort = grant.Cohort;
        Member = member;
        IsMe = member.UserId == grant.UserId;
        Posts = await profiles.PostsAsync(grant, member, p, cancellationToken);
        return Page();
    }

    public string When(DateTimeOffset moment) => calendar.DateOf(moment).ToString("d", System.Globalization.CultureInfo.CurrentCulture);
}
