using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoSie.Platform.Web.Features.Account;

public static class IdentityErrorsExtensions
{
    // Password rules ("PasswordTooShort", "PasswordTooCommon", ...) belong next to the password field; the rest above the form.
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordKey)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordKey : string.Empty;
            modelState.AddModelError(key, error.Description);
        }
    }
}
