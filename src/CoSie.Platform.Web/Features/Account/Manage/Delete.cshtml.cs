using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Account.Manage;

public sealed class DeleteModel(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IStringLocalizer<DeleteModel> localizer, ILogger<DeleteModel> logger)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!Input.Confirm)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Confirm)}", localizer["Tick the box to confirm that you want to delete your account."]);
        }
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", localizer["The password is not correct."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Memberships go with the account (cascade). Reflections and replies will point at their author through a
        // nullable foreign key set to null on delete, so discussions stay readable and show a "deleted user".
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            logger.LogError("Deleting account {UserId} failed: {Errors}", user.Id, string.Join(" ", result.Errors.Select(e => e.Code)));
            ModelState.AddModelError(string.Empty, localizer["Your account could not be deleted. Please try again in a moment."]);
            return Page();
        }
        await signIn.SignOutAsync();
        logger.LogInformation("Account {UserId} deleted itself", user.Id);
        TempData["Status"] = localizer["Your account has been deleted."].Value;
        return LocalRedirect(Url.Content("~/"));
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "I understand that my account and memberships are deleted for good.")]
        public bool Confirm { get; set; }
    }
}
