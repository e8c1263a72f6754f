using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Email;

// The one place that makes absolute links for mail: an institution's first host name (https://{host}) when it has one,
// else App:PublicBaseUrl with the institution's prefix, or without one for mail about the account itself. Never the
// Host or X-Forwarded-Host of the request that sends the mail: a forged one would put another site into a reset link.
public sealed class MailLinks(IOptions<AppOptions> options, LinkGenerator pages)
{
    private string PlatformBase => options.Value.PublicBaseUrl.TrimEnd('/');

    // Where the institution's pages start; the platform's root outside any institution.
    public string Base(InstitutionInfo? institution) => institution switch
    {
        null => PlatformBase,
        { HostNames.Count: > 0 } => $"https://{institution.HostNames[0]}",
        _ => $"{PlatformBase}/{institution.Slug}",
    };

    // Outside the institution's prefix, on its host name if it has one: for links that say which institution they are
    // about themselves (an unsubscribe token).
    public string Root(InstitutionInfo institution) =>
        institution.HostNames.Count > 0 ? $"https://{institution.HostNames[0]}" : PlatformBase;

    public string MessageIdDomain(InstitutionInfo institution) =>
        institution.HostNames.Count > 0 ? institution.HostNames[0] : new Uri(PlatformBase).Host;

    // A path inside the institution ("/cohorts/..."), made absolute.
    public string To(InstitutionInfo? institution, string path) => Base(institution) + path;

    // A Razor page of the app ("/Account/ConfirmEmail") with its route and query values, made absolute.
    public string Page(InstitutionInfo? institution, string page, object? values = null) =>
        To(institution, pages.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"There is no page {page} to link to."));
}
