using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Who may load a copied file: whoever may read a page that shows it (MediaUse says which pages those are). The institution's logo and files of published
// modules of public courses are for everyone; files of published modules of members-only courses for the
// institution's members; files only drafts or an import's preview show, for its instructors and admins. Another
// institution's file is not found at all (the tenant filter).
public sealed class MediaAccess(PlatformDbContext db, CurrentMembership membership, TenantContext tenant)
{
    public async Task<MediaAudience> AudienceAsync(string fingerprint, CancellationToken cancellationToken)
    {
        // The logo, shown on every page, is known from the cached institution without a query; the query still
        // decides for a logo set on another instance since this one read the institution.
        if (MediaUse.IsLogo(tenant.Required.LogoFile, fingerprint)
            || await MediaUse.Logos(db).AnyAsync(f => f.Fingerprint == fingerprint, cancellationToken))
        {
            return MediaAudience.Everyone;
        }

        var shownBy = await MediaUse.ShownBy(db).AsNoTracking()
            .Where(s => s.Fingerprint == fingerprint)
            .Select(s => new
            {
                Published = s.Module.Status == ModuleStatus.Published,
                Public = db.Courses.Any(c => c.Id == s.Module.CourseId && c.Visibility == CourseVisibility.Public),
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
