namespace CoSie.Platform.Web.Domain;

// One import into a course, read by a background job: an uploaded file or a live site's address, its progress, and,
// once read, the preview the instructor confirms. Nothing here is a module yet; a failed import leaves only this row.
public sealed class CourseImport : ITenantOwned
{
    public const int MaxSourceLength = 2000;
    public const int MaxMessageLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CourseId { get; init; }

    // Null once the instructor's account is deleted.
    public Guid? CreatedById { get; init; }

    // CourseImportSource: an uploaded file or a live site.
    public required string SourceKind { get; init; }

    // The file's name or the site's address, as the instructor gave it.
    public required string Source { get; init; }

    // The WordPress post type a live site is read for; null for files.
    public string? PostType { get; init; }

    // The uploaded bytes until the job has read them; dropped then, so a finished import keeps only its preview.
    public byte[]? Upload { get; set; }

    public CourseImportStatus Status { get; set; } = CourseImportStatus.Queued;
    public int ProgressDone { get; set; }
    public int ProgressTotal { get; set; }

    // Why the import failed, worded in the language of the person who started it.
    public string? Message { get; set; }

    // The preview (ImportPreview as JSON) once the job has read the source.
    public string? Preview { get; set; }

    // The language and formats of the person who started it, so the job words its notes and refusals for them.
    public required string Culture { get; init; }
    public required string FormatCulture { get; init; }

    // Where the institution's media are served under the address the import was started from (such as "/inst/media/").
    public required string MediaBase { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Status is CourseImportStatus.Ready or CourseImportStatus.Failed;
}
