using CoSie.Platform.Web.Tenancy;
using CoSie.Platform.Web.Web;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Digests;

// Absolute links for mail: the institution's first host name when it has one, else the platform address with the
// institution's prefix. Never the Host header of whichever request happened to trigger the job.
public sealed class DigestLinks(IOptions<AppOptions> options)
{
    private string PlatformBase => options.Value.PublicBaseUrl.TrimEnd('/');

    public string InstitutionBase(InstitutionInfo institution) =>
        institution.HostNames.Count > 0 ? $"https://{institution.HostNames[0]}" : $"{PlatformBase}/{institution.Slug}";

    // Outside the institution's prefix: the token says which institution it is about.
    public string Unsubscribe(InstitutionInfo institution, string token) =>
        institution.HostNames.Count > 0 ? $"https://{institution.HostNames[0]}/unsubscribe/{token}" : $"{PlatformBase}/unsubscribe/{token}";

    public string MessageIdDomain(InstitutionInfo institution) =>
        institution.HostNames.Count > 0 ? institution.HostNames[0] : new Uri(PlatformBase).Host;

    public string Cohort(InstitutionInfo institution, Guid cohortId) => $"{InstitutionBase(institution)}/cohorts/{cohortId}";

    // REVIEW: the thread page's address comes with the discussion pages; reconcile this route when they merge.
    public string Reflection(InstitutionInfo institution, Guid cohortId, Guid reflectionId) =>
        $"{Cohort(institution, cohortId)}/reflections/{reflectionId}";

    public string Reply(InstitutionInfo institution, Guid cohortId, Guid reflectionId, Guid replyId) =>
        $"{Reflection(institution, cohortId, reflectionId)}?post={replyId}#post-{replyId}";

    public string Module(InstitutionInfo institution, string courseSlug, string moduleSlug) =>
        $"{InstitutionBase(institution)}/courses/{Uri.EscapeDataString(courseSlug)}/{Uri.EscapeDataString(moduleSlug)}";

    public string Preferences(InstitutionInfo institution) => $"{InstitutionBase(institution)}/Account/Manage/Digests";
}
