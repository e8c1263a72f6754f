using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Institutions;

public sealed class HomeModel(TenantContext tenant, CurrentMembership membership) : PageModel
{
    public InstitutionInfo Institution => tenant.Required;
    public string? Role { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var member = await membership.GetAsync(User, cancellationToken);
        Role = member?.Role.ToString().ToLowerInvariant();
    }
}
