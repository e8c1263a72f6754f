namespace CoSie.Platform.Web.Features.Courses.Import;

// What a CourseImport reads: an uploaded file, or a live WordPress site through its REST API.
public static class CourseImportSource
{
    public const string File = "file";
    public const string Site = "site";
}
