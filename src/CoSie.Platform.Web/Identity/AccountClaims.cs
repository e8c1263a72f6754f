using System.Security.Claims;

namespace CoSie.Platform.Web.Identity;

// The account id that a signed-in person's session carries, read in one place.
public static class AccountClaims
{
    // Null for a visitor (or a principal without a well-formed id).
    public static Guid? AccountId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    // For pages and hub calls that only signed-in people reach.
    public static Guid RequiredAccountId(this ClaimsPrincipal? user) =>
        user.AccountId() ?? throw new InvalidOperationException("This needs a signed-in person, and the session carries no account id.");
}
