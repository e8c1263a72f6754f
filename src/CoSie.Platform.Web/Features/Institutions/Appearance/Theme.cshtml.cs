using System.Globalization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoSie.Platform.Web.Features.Institutions.Appearance;

// The institution's accent colour as a stylesheet after site.css (the content security policy allows styles from this
// origin only, never inline). Its address carries the colour, so browsers keep it for a year and a new colour is a new
// address; an address with an old colour is answered with the current one, briefly cached.
[AllowAnonymous]
public sealed class ThemeModel(TenantContext tenant) : PageModel
{
    public IActionResult OnGet(string? v)
    {
        var css = tenant.Required.AccentColor is { } stored && AccentColour.Parse(stored) is { } accent
            ? string.Create(CultureInfo.InvariantCulture, $$"""
                :root { --accent: {{accent.Hex}}; --accent-ink: #ffffff; }
                @media (prefers-color-scheme: dark) { :root { --accent: {{accent.ForDarkScheme().Hex}}; --accent-ink: #0b1a2e; } }

                """)
            : "";
        Response.Headers.CacheControl = v is not null && v == VersionOf(tenant.Required)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300";
        return Content(css, "text/css; charset=utf-8");
    }

    public static string? VersionOf(InstitutionInfo institution) => institution.AccentColor?.TrimStart('#');
}
