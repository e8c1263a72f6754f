namespace CoSie.Platform.Web.Tenancy;

// The institution of the current request, hub call or job. Set once, by the resolver or by TenantScopes.
public sealed class TenantContext
{
    public InstitutionInfo? Institution { get; private set; }

    public bool HasInstitution => Institution is not null;

    public InstitutionInfo Required =>
        Institution ?? throw new InvalidOperationException("No institution is set for this scope.");

    public void Set(InstitutionInfo institution)
    {
        if (Institution is not null && Institution.Id != institution.Id)
        {
            throw new InvalidOperationException(
                $"This scope already belongs to institution {Institution.Slug}; it cannot switch to {institution.Slug}.");
        }
        Institution = institution;
    }
}
