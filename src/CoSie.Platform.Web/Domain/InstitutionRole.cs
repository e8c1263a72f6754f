namespace CoSie.Platform.Web.Domain;

// Ordered: each role includes what the ones below it may do.
public enum InstitutionRole
{
    Learner = 0,
    Instructor = 1,
    Admin = 2,
}
