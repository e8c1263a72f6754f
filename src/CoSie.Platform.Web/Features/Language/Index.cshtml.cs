using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Language;

// The language picker's answer: a visitor's choice lives in a cookie, a signed-in person's in their account as well,
// so mails and other devices follow it. Back to the page the person was on; anywhere else only on this site.
public sealed class IndexModel(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IOptions<LanguageOptions> options, IStringLocalizer<Strings> localizer)
    : PageModel
{
    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Languages => PlatformLanguages.Offered(options.Value.Pseudo);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var language = PlatformLanguages.Find(Language, options.Value.Pseudo);
        if (language is null)
        {
            ModelState.AddModelError(nameof(Language), localizer["Choose one of the languages in the list."]);
            return Page();
        }
        LanguageCookie.Write(Response, language);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Language != language)
        {
            user.Language = language;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                // The language travels in the cookie; re-issue it so the very next page is in the new language.
                await signIn.RefreshSignInAsync(user);
            }
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
    }
}
