using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Identity;

// Puts what every page needs about the person into the cookie, so the layout needs no query.
public sealed class PlatformUserClaimsPrincipalFactory(
    UserManager<PlatformUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(PlatformClaims.PlatformAdmin, "true"));
        }
        if (!string.IsNullOrEmpty(user.Language))
        {
            identity.AddClaim(new Claim(PlatformClaims.Language, user.Language));
        }
        if (!string.IsNullOrEmpty(user.Culture))
        {
            identity.AddClaim(new Claim(PlatformClaims.Culture, user.Culture));
        }
        if (!string.IsNullOrEmpty(user.TimeZoneId))
        {
            identity.AddClaim(new Claim(PlatformClaims.TimeZone, user.TimeZoneId));
        }
        return identity;
    }
}
