using System.ComponentModel.DataAnnotations;
using CoSie.Platform.Web.Features.Profiles;
using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoSie.Platform.Web.Features.Account.Manage;

// The page takes a picture upload (OnPostPicture), with room above its limit so that a slightly bigger file gets a clear
// message instead of a failed request.
[RequestSizeLimit(PictureRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = PictureRequestLimit, ValueLengthLimit = PictureRequestLimit)]
public sealed class IndexModel(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, TenantContext tenant, TimeProvider clock,
    ProfilePictures pictures, ILogger<IndexModel> logger, IStringLocalizer<IndexModel> localizer)
    : PageModel
{
    private const int PictureRequestLimit = ProfileImage.MaxBytes + 512 * 1024;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = string.Empty;
    public string? InstitutionTimeZone => tenant.Institution?.TimeZoneId;
    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Cultures { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TimeZones { get; private set; } = [];
    public Guid UserId { get; private set; }
    public string? PictureVersion { get; private set; }

    [BindProperty]
    public IFormFile? Picture { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Input = new InputModel { DisplayName = user.DisplayName, Bio = user.Bio, Language = user.Language, Culture = user.Culture, TimeZoneId = user.TimeZoneId };
        Describe(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var language = string.IsNullOrWhiteSpace(Input.Language) ? null : PlatformLanguages.Find(Input.Language);
        if (!string.IsNullOrWhiteSpace(Input.Language) && (language is null || !string.Equals(language, Input.Language.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Language)}", localizer["Choose a language from the list."]);
        }
        var culture = string.IsNullOrWhiteSpace(Input.Culture) ? null : PlatformCultures.Find(Input.Culture);
        if (!string.IsNullOrWhiteSpace(Input.Culture) && culture is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Culture)}", localizer["Choose a region from the list."]);
        }
        var timeZone = string.IsNullOrWhiteSpace(Input.TimeZoneId) ? null : Input.TimeZoneId.Trim();
        if (timeZone is not null && !(TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TimeZoneId)}",
                localizer["“{zone}” is not a time zone we know. Choose one from the list, for example Europe/Helsinki.", timeZone]);
        }
        if (!ModelState.IsValid)
        {
            Describe(user);
            return Page();
        }

        user.DisplayName = Input.DisplayName.Trim();
        user.Bio = string.IsNullOrWhiteSpace(Input.Bio) ? null : Input.Bio.Trim();
        user.Language = language;
        user.Culture = culture;
        user.TimeZoneId = timeZone;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, string.Empty);
            Describe(user);
            return Page();
        }
        // The name, language, region and time zone travel in the cookie; re-issue it so this very next page uses them.
        await signIn.RefreshSignInAsync(user);
        if (language is not null)
        {
            LanguageCookie.Write(Response, language);
        }
        // Said in the language just chosen, which the next page is in.
        TempData["Status"] = Locale.For(language, culture, tenant.Institution?.DefaultCulture).Render(() => localizer["Your profile has been saved."].Value);
        return RedirectToPage();
    }

    // A picture of one's own: checked, re-encoded and cut square (ProfileImage), or removed.
    public async Task<IActionResult> OnPostPictureAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (Picture is not { Length: > 0 } upload)
        {
            ModelState.AddModelError(nameof(Picture), localizer["Choose a picture to upload."]);
        }
        else if (upload.Length > ProfileImage.MaxBytes)
        {
            ModelState.AddModelError(nameof(Picture), localizer["The picture is larger than 4 MB. Choose a smaller file."]);
        }
        else
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            if (ProfileImage.Prepare(buffer.ToArray()) is { } prepared)
            {
                await pictures.SetAsync(user.Id, prepared.Content, prepared.Type.ContentType, cancellationToken);
                TempData["Status"] = localizer["Your picture has been saved."].Value;
                return RedirectToPage(null, null, "picture");
            }
            logger.LogInformation("A profile picture upload by {UserId} was refused: not a readable PNG, JPEG or WebP image", user.Id);
            ModelState.AddModelError(nameof(Picture), localizer["The picture must be a PNG, JPEG or WebP image."]);
        }
        Input = new InputModel { DisplayName = user.DisplayName, Bio = user.Bio, Language = user.Language, Culture = user.Culture, TimeZoneId = user.TimeZoneId };
        Describe(user);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // One's own picture, for this page: the cohort address (Profiles/Picture) needs a cohort in common.
    public async Task<IActionResult> OnGetPictureAsync([FromServices] MemberProfiles profiles, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } id || await profiles.PictureAsync(Guid.Parse(id), cancellationToken) is not { } picture)
        {
            return NotFound();
        }
        return PictureResponse.Send(Response, picture);
    }

    public async Task<IActionResult> OnPostRemovePictureAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await pictures.RemoveAsync(user.Id, cancellationToken);
        TempData["Status"] = localizer["Your picture has been removed."].Value;
        return RedirectToPage(null, null, "picture");
    }

    private void Describe(PlatformUser user)
    {
        Email = user.Email ?? string.Empty;
        UserId = user.Id;
        PictureVersion = user.PictureVersion;
        Languages = PlatformLanguages.Translated.Select(l => new SelectListItem(PlatformLanguages.NativeName(l), l)).ToList();
        Cultures = PlatformCultures.Supported.Select(c => new SelectListItem(PlatformCultures.DisplayName(c), c)).ToList();
        TimeZones = TimeZoneChoices.Grouped(localizer, clock.GetUtcNow());
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the name others will see.")]
        [StringLength(100, ErrorMessage = "A name has at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = string.Empty;

        [StringLength(PlatformUser.MaxBioLength, ErrorMessage = "A few lines about you have at most {1, plural, one {# character} other {# characters}}.")]
        [DataType(DataType.MultilineText)]
        [Display(Name = "About you")]
        public string? Bio { get; set; }

        [StringLength(16, ErrorMessage = "Choose a language from the list.")]
        [Display(Name = "Language")]
        public string? Language { get; set; }

        [StringLength(16, ErrorMessage = "Choose a region from the list.")]
        [Display(Name = "Dates and numbers")]
        public string? Culture { get; set; }

        [StringLength(64, ErrorMessage = "A time zone name has at most {1, plural, one {# character} other {# characters}}.")]
        [Display(Name = "Time zone")]
        public string? TimeZoneId { get; set; }
    }
}
