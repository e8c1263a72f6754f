using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Features.Courses.Media;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
// A little above the importer's own limit, so that a slightly larger file still gets its message.
[RequestFormLimits(MultipartBodyLengthLimit = ModuleImporter.MaxFileBytes + 1024 * 1024, ValueLengthLimit = ModuleImporter.MaxFileBytes + 1024 * 1024)]
[RequestSizeLimit(ModuleImporter.MaxFileBytes + 1024 * 1024)]
public sealed class ImportModel(
    CourseAccess access, ModuleImporter importer, CopyImportMedia media, ImportModules imports, HtmlContentSanitizer sanitizer, TenantContext tenant,
    IStringLocalizer<ImportModel> localizer, ILogger<ImportModel> logger) : PageModel
{
    public Course Course { get; private set; } = null!;

    [BindProperty]
    public List<ImportPageInput> Pages { get; set; } = [];

    [BindProperty]
    public string? FileName { get; set; }

    // What a whole-site export holds besides the pages it offers, shown once, with the preview of the upload.
    public IReadOnlyList<LeftOut> LeftOut { get; private set; } = [];

    // A body posted back past the import limits is not previewed: cleaning it is the costly work the limits prevent.
    public string CleanBody(ImportPageInput page) => imports.FitsLimits(page.BodyHtml) ? sanitizer.Sanitize(page.BodyHtml) : string.Empty;

    public async Task<IActionResult> OnGetAsync(string course, CancellationToken cancellationToken)
    {
        Pages = [];
        return await LoadAsync(course, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync([FromRoute] string course, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(course, cancellationToken))
        {
            return NotFound();
        }
        Pages = [];
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError(string.Empty, localizer["Choose a file to import; the one sent was empty."].Value);
            return Page();
        }
        byte[] content;
        await using (var stream = upload.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var result = importer.Parse(upload.FileName, content, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogInformation("Import of {FileName} into course {Course} refused: {Reason}", upload.FileName, Course.Slug, result.Error!.Message);
            ModelState.AddModelError(string.Empty, localizer["{file} was not imported: {error}", upload.FileName, result.Error!.Message].Value);
            return Page();
        }
        FileName = Path.GetFileName(upload.FileName);
        LeftOut = result.LeftOut;
        var modules = await media.CopyAsync(result.Modules, Url.Content("~/media/"), cancellationToken);
        Pages = ImportModules.ToInputs(modules, PlatformLanguages.Find(tenant.Required.DefaultCulture), localizer);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync([FromRoute] string course, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(course, cancellationToken))
        {
            return NotFound();
        }
        if (Pages.Count == 0)
        {
            return RedirectToPage(new { course });
        }
        if (!ModelState.IsValid || !await imports.ValidateAsync(Course, Pages, ModelState, cancellationToken))
        {
            return Page();
        }
        var created = await imports.CreateAsync(Course, Pages, FileName, slug => Url.Content($"~/courses/{Course.Slug}/{slug}"), cancellationToken);
        logger.LogInformation("Imported {Count} modules from {FileName} into course {Course}", created.Count, FileName, Course.Slug);
        TempData["Status"] = localizer[
            "{count, plural, one {Imported # module as a draft. Publish it when it is ready.} other {Imported # modules as drafts. Publish each when it is ready.}}",
            created.Count].Value;
        return RedirectToPage("/Courses/Course", new { slug = Course.Slug });
    }

    private async Task<bool> LoadAsync(string course, CancellationToken cancellationToken)
    {
        var found = await access.ManageAsync(course, User, cancellationToken);
        if (found is null)
        {
            return false;
        }
        Course = found;
        return true;
    }
}
