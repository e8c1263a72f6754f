using CoSie.Platform.Web.Features.Courses.Media;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Institutions.Appearance;

// The institution admin's look of the institution's pages: its accent colour (refused when text on it or in it would
// not be readable) and its logo in the header.
[Authorize(Policy = PlatformPolicies.InstitutionAdmin)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class AppearanceModel(
    PlatformDbContext db, TenantContext tenant, InstitutionDirectory directory, MediaStore media, ILogger<AppearanceModel> logger,
    IStringLocalizer<AppearanceModel> localizer) : PageModel
{
    // Room above the logo's limit, so that a slightly bigger file gets a clear message instead of a failed request.
    private const int RequestLimit = LogoImage.MaxBytes + 512 * 1024;

    [BindProperty]
    public string? AccentColor { get; set; }

    [BindProperty]
    public IFormFile? Logo { get; set; }

    [BindProperty]
    public bool RemoveLogo { get; set; }

    public string? CurrentLogo { get; private set; }

    public void OnGet()
    {
        AccentColor = tenant.Required.AccentColor;
        CurrentLogo = tenant.Required.LogoFile;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var institution = tenant.Required;
        CurrentLogo = institution.LogoFile;
        string? accent = null;
        if (!string.IsNullOrWhiteSpace(AccentColor))
        {
            if (AccentColour.Parse(AccentColor) is not { } colour)
            {
                ModelState.AddModelError(nameof(AccentColor), localizer["Write the colour as # and six hexadecimal digits, for example #1f5fa8."]);
            }
            else if (!colour.MeetsContrast)
            {
                ModelState.AddModelError(nameof(AccentColor), localizer[
                    "{colour} is too light: links in it and white text on it would have a contrast of {ratio} to 1, and at least 4.5 to 1 is needed. Choose a darker shade.",
                    colour.Hex, Math.Round(colour.LightContrast, 1)]);
            }
            else
            {
                accent = colour.Hex;
            }
        }

        var logo = RemoveLogo ? null : institution.LogoFile;
        if (ModelState.IsValid && !RemoveLogo && Logo is { Length: > 0 } upload)
        {
            if (upload.Length > LogoImage.MaxBytes)
            {
                ModelState.AddModelError(nameof(Logo), localizer["The logo is larger than 1 MB. Choose a smaller file."]);
            }
            else
            {
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, cancellationToken);
                if (LogoImage.Prepare(buffer.ToArray()) is not { } prepared)
                {
                    logger.LogInformation("A logo upload for institution {InstitutionId} was refused: not a readable PNG, JPEG or WebP image", institution.Id);
                    ModelState.AddModelError(nameof(Logo), localizer["The logo must be a PNG, JPEG or WebP image."]);
                }
                else
                {
                    logo = await media.SaveAsync(prepared.Content, prepared.Type, sourceUrl: null, cancellationToken);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var id = institution.Id;
        await db.Institutions.Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AccentColor, accent).SetProperty(i => i.LogoFile, logo), cancellationToken);
        directory.Invalidate();
        TempData["Status"] = localizer["Appearance saved."].Value;
        return RedirectToPage();
    }
}
