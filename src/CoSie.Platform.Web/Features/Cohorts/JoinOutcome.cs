namespace CoSie.Platform.Web.Features.Cohorts;

public enum JoinOutcome
{
    Joined,
    AlreadyMember,
    // Unknown or disabled invite code: the same answer for both, so a disabled link reveals nothing.
    NotFound,
    Ended,
}
