namespace CoSie.Platform.Web.Features.Cohorts;

public enum MemberChange
{
    Done,
    Unchanged,
    NotFound,
    // A cohort always keeps one instructor, or nobody could manage it any more.
    LastInstructor,
}
