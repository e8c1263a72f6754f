using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.Web.Features.Cohorts;

// What an invitation e-mail says besides the invitation itself; the link comes from MailLinks, never from the request.
public sealed record InvitationContext(string InstitutionName, string CohortName, string CourseTitle, string InviterName, Func<CohortInvitation, string> LinkFor);
