using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<PlatformUser> users, ILogger<ConfirmEmailModel> logger) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (userId is null || !AccountTokens.TryDecode(code, out var token))
        {
            return;
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        Confirmed = result.Succeeded;
        if (Confirmed)
        {
            logger.LogInformation("Account {UserId} confirmed its email address", user.Id);
        }
    }
}
