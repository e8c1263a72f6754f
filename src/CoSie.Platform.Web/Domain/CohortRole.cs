namespace CoSie.Platform.Web.Domain;

public enum CohortRole
{
    Learner = 0,
    Observer = 1,
    Instructor = 2,
}
