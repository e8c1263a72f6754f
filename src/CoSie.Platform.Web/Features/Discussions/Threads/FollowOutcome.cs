namespace CoSie.Platform.Web.Features.Discussions.Threads;

public enum FollowOutcome
{
    Done,
    // Not a choice the form offers.
    Invalid,
    NotFound,
    Forbidden,
}
