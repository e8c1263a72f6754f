using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Who may load a copied file: whoever may read a page that shows it. The institution's logo and files of published
// modules of public courses are for everyone; files of published modules of members-only courses for the
// institution's members; files only drafts or an import's preview show, for its instructors and admins. Another
// institution's file is not found at all (the tenant filter).
public sealed class MediaAccess(PlatformDbContext db, TenantContext tenant, CurrentMembership membership)
{
    public async Task<MediaAudience> AudienceAsync(string fingerprint, CancellationToken cancellationToken)
    {
        if (tenant.Required.LogoFile is { } logo && logo.StartsWith(fingerprint, StringComparison.Ordinal))
        {
            return MediaAudience.Everyone;
        }

        var shownBy = await db.Modules.AsNoTracking()
            .Where(m => m.BodyHtml.Contains(fingerprint) || m.BodySource.Contains(fingerprint))
            .Select(m => new
            {
                Published = m.Status == ModuleStatus.Published,
                Public = db.Courses.Any(c => c.Id == m.CourseId && c.Visibility == CourseVisibility.Public),
            })
            .ToListAsync(cancellationToken);
        return shownBy.Any(m => m.Published && m.Public) ? MediaAudience.Everyone
            : shownBy.Any(m => m.Published) ? MediaAudience.Members
            : MediaAudience.Instructors;
    }

    public async Task<bool> MayLoadAsync(MediaAudience audience, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (audience == MediaAudience.Everyone)
        {
            return true;
        }

        var member = await membership.GetAsync(user, cancellationToken);
        return audience == MediaAudience.Members ? member is not null : member?.Grants(InstitutionRole.Instructor) == true;
    }
}

public enum MediaAudience
{
    Everyone,
    Members,
    Instructors,
}
