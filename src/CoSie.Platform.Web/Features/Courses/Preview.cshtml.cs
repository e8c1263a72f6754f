using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Courses;

// The module editor's live preview: the body rendered exactly as saving would render it (same sanitizer).
[Authorize(Policy = PlatformPolicies.InstitutionInstructor)]
[RequestSizeLimit(Hosting.RequestLimits.ModuleFormBytes)]
public sealed class PreviewModel(ModuleEditing editing) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public ContentResult OnPost([FromForm(Name = "Input.Format")] BodyFormat format, [FromForm(Name = "Input.Body"), DataType(DataType.MultilineText)] string? body)
    {
        if (body?.Length > CourseModule.MaxBodyLength)
        {
            return Content(string.Empty, "text/html; charset=utf-8");
        }
        return Content(editing.RenderBody(format, body), "text/html; charset=utf-8");
    }
}
