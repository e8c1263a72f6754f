using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Identity;

// A disabled account cannot sign in, and a session it already has ends on its next request (SessionCheck reads the
// flag as well as the stamp).
public sealed class PlatformSignInManager(
    UserManager<PlatformUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PlatformUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PlatformUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PlatformUser> confirmation)
    : SignInManager<PlatformUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PlatformUser user)
    {
        if (user.IsDisabled)
        {
            Logger.LogInformation("Refused sign-in for disabled account {UserId}", user.Id);
            return false;
        }
        return await base.CanSignInAsync(user);
    }

    // Every sign-in issues a new session cookie; the time it happened bounds the session's absolute lifetime.
    public override Task SignInWithClaimsAsync(PlatformUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        authenticationProperties ??= new AuthenticationProperties();
        SessionLifetime.MarkSignIn(authenticationProperties, Context.RequestServices.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UtcNow);
        return base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    public override async Task<PlatformUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
