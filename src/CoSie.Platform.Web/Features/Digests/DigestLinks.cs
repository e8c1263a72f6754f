using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Digests;

// The digest's links, made absolute by MailLinks: never the Host header of whichever request happened to trigger the job.
public sealed class DigestLinks(MailLinks mail)
{
    public string InstitutionBase(InstitutionInfo institution) => mail.Base(institution);

    // Outside the institution's prefix: the token says which institution it is about.
    public string Unsubscribe(InstitutionInfo institution, string token) => $"{mail.Root(institution)}/unsubscribe/{token}";

    public string MessageIdDomain(InstitutionInfo institution) => mail.MessageIdDomain(institution);

    public string Cohort(InstitutionInfo institution, Guid cohortId) => $"{InstitutionBase(institution)}/cohorts/{cohortId}";

    // REVIEW: the thread page's address comes with the discussion pages; reconcile this route when they merge.
    public string Reflection(InstitutionInfo institution, Guid cohortId, Guid reflectionId) =>
        $"{Cohort(institution, cohortId)}/reflections/{reflectionId}";

    public string Reply(InstitutionInfo institution, Guid cohortId, Guid reflectionId, Guid replyId) =>
        $"{Reflection(institution, cohortId, reflectionId)}?post={replyId}#post-{replyId}";

    public string Synthesis(InstitutionInfo institution, Guid cohortId, Guid moduleId) =>
        $"{Cohort(institution, cohortId)}/modules/{moduleId}/synthesis";

    public string Module(InstitutionInfo institution, string courseSlug, string moduleSlug) =>
        $"{InstitutionBase(institution)}/courses/{Uri.EscapeDataString(courseSlug)}/{Uri.EscapeDataString(moduleSlug)}";

    public string Preferences(InstitutionInfo institution) => $"{InstitutionBase(institution)}/Account/Manage/Digests";
}
