namespace CoSie.Platform.Web.Features.Cohorts;

// What an invitation e-mail says besides the invitation itself; the link comes from MailLinks, never from the request.
// InstitutionCulture is the institution's default, the language an invitation to someone without an account is written in.
public sealed record InvitationContext(
    string InstitutionName, string InstitutionCulture, string CohortName, string CourseTitle, string InviterName, Func<CohortInvitation, string> LinkFor);
