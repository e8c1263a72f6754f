namespace CoSie.Platform.Web.Features.Courses.Import;

// A line of the course's list of recent imports.
public sealed record RecentImport(Guid Id, string SourceKind, string Source, string? PostType, CourseImportStatus Status, DateTimeOffset CreatedAt);
