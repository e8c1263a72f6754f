using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Identity;

// The signed-in person's membership in the current institution, loaded at most once per scope.
public sealed class CurrentMembership(PlatformDbContext db, TenantContext tenant)
{
    private bool _loaded;
    private InstitutionMembership? _membership;

    public async Task<InstitutionMembership?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _membership;
        }
        _loaded = true;
        if (!tenant.HasInstitution || user.Identity?.IsAuthenticated != true
            || user.AccountId() is not { } userId)
        {
            return null;
        }
        // Applied to the request already (UseInstitutionSessions); checked again for a principal from elsewhere.
        if (!InstitutionSessions.Reaches(user, tenant.Required))
        {
            return null;
        }
        _membership = await db.InstitutionMemberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        return _membership;
    }
}
