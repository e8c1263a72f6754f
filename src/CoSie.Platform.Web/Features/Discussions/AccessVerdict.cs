namespace CoSie.Platform.Web.Features.Discussions;

public enum AccessVerdict
{
    Allowed,
    // Another institution's, or nothing at all: indistinguishable on purpose.
    NotFound,
    // A member of the institution, but not of this cohort.
    Forbidden,
    // A learner who has not (yet) passed the post-first gate for this prompt.
    HeldBack,
}
