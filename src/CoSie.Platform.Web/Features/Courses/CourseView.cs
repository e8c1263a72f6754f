namespace CoSie.Platform.Web.Features.Courses;

public sealed record CourseView(Course Course, InstitutionMembership? Membership, bool CanManage);
