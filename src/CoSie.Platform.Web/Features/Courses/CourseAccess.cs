using System.Security.Claims;

namespace CoSie.Platform.Web.Features.Courses;

// Who may read and who may change a course. The tenant filter already hides other institutions' courses;
// this adds the course's own visibility and the person's role here.
public sealed class CourseAccess(PlatformDbContext db, CurrentMembership membership)
{
    public async Task<CourseView?> ReadAsync(string slug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (course is null)
        {
            return null;
        }
        var member = await membership.GetAsync(user, cancellationToken);
        if (member is null && !course.IsPublic)
        {
            return null;
        }
        return new CourseView(course, member, member?.Grants(InstitutionRole.Instructor) == true);
    }

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await membership.GetAsync(user, cancellationToken))?.Grants(InstitutionRole.Instructor) == true;

    // For editing: tracked, and only for instructors and admins of this institution.
    public async Task<Course?> ManageAsync(string slug, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(user, cancellationToken))
        {
            return null;
        }
        return await db.Courses.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
    }
}
