using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Lti.Admin;

// What "new platform" and "edit platform" share: the form and its fields (_PlatformFields).
public abstract class PlatformFormPage : PageModel
{
    [BindProperty]
    public PlatformInput Input { get; set; } = new();
}
