using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// What the sign-in page offers inside an institution: its switched-on providers first, and the password form unless
// the institution has turned local passwords off.
public sealed class SignInChoices(PlatformDbContext db, TenantContext tenant)
{
    public bool AllowsPasswords => tenant.Institution?.AllowsLocalPasswords ?? true;

    public async Task<IReadOnlyList<ProviderChoice>> ProvidersAsync(CancellationToken cancellationToken = default) =>
        tenant.HasInstitution
            ? await db.SignInProviders.AsNoTracking().Where(p => p.IsEnabled).OrderBy(p => p.DisplayName)
                .Select(p => new ProviderChoice(p.Id, p.DisplayName)).ToListAsync(cancellationToken)
            : [];
}
