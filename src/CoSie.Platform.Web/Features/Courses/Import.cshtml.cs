using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Features.Courses.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
// A little above the importer's own limit, so that a slightly larger file still gets its message.
[RequestFormLimits(MultipartBodyLengthLimit = ModuleImporter.MaxFileBytes + 1024 * 1024, ValueLengthLimit = ModuleImporter.MaxFileBytes + 1024 * 1024)]
[RequestSizeLimit(ModuleImporter.MaxFileBytes + 1024 * 1024)]
public sealed class ImportModel(
    CourseAccess access, StartCourseImport start, WordPressSiteReader siteReader, MediaAddressGuard guard, ImportModules imports, HtmlContentSanitizer sanitizer, UserManager<PlatformUser> users,
    IStringLocalizer<ImportModel> localizer, ILogger<ImportModel> logger) : PageModel
{
    public Course Course { get; private set; } = null!;

    [BindProperty]
    public List<ImportPageInput> Pages { get; set; } = [];

    [BindProperty]
    public string? FileName { get; set; }

    public IReadOnlyList<RecentImport> Recent { get; private set; } = [];

    public SiteImportInput Site { get; private set; } = new();

    // By page, the module it updates (null for a new module), for the preview shown again with errors.
    public IReadOnlyList<ModuleUpdate?> Updates { get; private set; } = [];

    public string TypeName(string type) => type switch
    {
        "pages" => localizer["Pages"].Value,
        "posts" => localizer["Posts"].Value,
        "sfwd-lessons" => localizer["LearnDash lessons"].Value,
        "sfwd-topic" => localizer["LearnDash topics"].Value,
        "lessons" => localizer["Sensei lessons"].Value,
        "tutor_lesson" => localizer["Tutor LMS lessons"].Value,
        _ => type,
    };

    // A body posted back past the import limits is not previewed: cleaning it is the costly work the limits prevent.
    public string CleanBody(ImportPageInput page) => imports.FitsLimits(page.BodyHtml) ? sanitizer.Sanitize(page.BodyHtml) : string.Empty;

    public async Task<IActionResult> OnGetAsync(string course, CancellationToken cancellationToken)
    {
        Pages = [];
        if (!await LoadAsync(course, cancellationToken))
        {
            return NotFound();
        }
        Recent = await start.RecentAsync(Course, cancellationToken);
        return Page();
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
        // Read by CourseImportJob, off the request; its page shows the progress and then the preview.
        var started = await start.FileAsync(Course, upload.FileName, content, UserId(), Url.Content("~/media/"), cancellationToken);
        return RedirectToPage("/Courses/ImportStatus", new { course, import = started.Id });
    }

    public async Task<IActionResult> OnPostSiteAsync([FromRoute] string course, SiteImportInput site, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(course, cancellationToken))
        {
            return NotFound();
        }
        Pages = [];
        Site = site;
        Recent = await start.RecentAsync(Course, cancellationToken);
        var address = site.Address?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > CourseImport.MaxSourceLength
            || !Uri.TryCreate(address, UriKind.Absolute, out var url) || !siteReader.Accepts(url))
        {
            ModelState.AddModelError("Site.Address", localizer["Enter the site's address starting with https://."].Value);
        }
        else if (!await guard.AllowsHostAsync(url.DnsSafeHost, cancellationToken))
        {
            logger.LogWarning("Import of {Address} into course {Course} refused: a private or local address", address, Course.Slug);
            ModelState.AddModelError(
                "Site.Address",
                localizer["{host} is a private or local address, which an import may not read. Enter the site's public address.", url.Host].Value);
        }
        if (site.PostType is null || !WordPressSiteReader.Types.Contains(site.PostType))
        {
            ModelState.AddModelError("Site.PostType", localizer["Choose a type from the list."].Value);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var started = await start.SiteAsync(Course, new Uri(address!), site.PostType!, UserId(), Url.Content("~/media/"), cancellationToken);
        return RedirectToPage("/Courses/ImportStatus", new { course, import = started.Id });
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
            Updates = await imports.FindUpdatesAsync(Course, Pages, ModuleHref, cancellationToken);
            return Page();
        }
        var (created, updated) = await imports.SaveAsync(Course, Pages, FileName, ModuleHref, cancellationToken);
        logger.LogInformation("Imported {Created} new and {Updated} updated modules from {FileName} into course {Course}", created.Count, updated.Count, FileName, Course.Slug);
        var said = new List<string>();
        if (created.Count > 0)
        {
            said.Add(localizer[
                "{count, plural, one {Imported # module as a draft. Publish it when it is ready.} other {Imported # modules as drafts. Publish each when it is ready.}}",
                created.Count].Value);
        }
        if (updated.Count > 0)
        {
            said.Add(localizer["{count, plural, one {Updated # module from its source.} other {Updated # modules from their source.}}", updated.Count].Value);
        }
        TempData["Status"] = string.Join(' ', said);
        return RedirectToPage("/Courses/Course", new { slug = Course.Slug });
    }

    private string ModuleHref(string slug) => Url.Content($"~/courses/{Course.Slug}/{slug}");

    private Guid? UserId() => Guid.TryParse(users.GetUserId(User), out var id) ? id : null;

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
