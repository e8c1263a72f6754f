using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.Web.Features.Cohorts;

// What an invitation e-mail says besides the invitation itself; the link comes from the request that sends it.
public sealed record InvitationContext(string InstitutionName, string CohortName, string CourseTitle, string InviterName, Func<CohortInvitation, string> LinkFor);
