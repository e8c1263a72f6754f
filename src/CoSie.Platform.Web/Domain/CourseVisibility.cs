namespace CoSie.Platform.Web.Domain;

public enum CourseVisibility
{
    // Only members of the institution read it.
    MembersOnly = 0,
    // Published modules can be read without signing in; discussion still needs membership.
    Public = 1,
}
