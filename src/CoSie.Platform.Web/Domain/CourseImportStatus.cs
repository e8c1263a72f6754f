namespace CoSie.Platform.Web.Domain;

public enum CourseImportStatus
{
    Queued,
    Running,
    Ready,
    Failed,
}
