using System.Globalization;
using System.Text.Json;
using CoSie.Platform.Web.Features.Courses.Media;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.Courses.Import;

// The work of CourseImportJob inside its institution: read the source, copy its media, and keep the preview (or the
// reason it failed) on the import, worded in the language of the person who started it. Creates no module: that is
// ImportModules' work once the instructor confirms the preview.
public sealed class RunCourseImport(
    PlatformDbContext db, ModuleImporter importer, WordPressSiteReader site, CopyImportMedia media, TenantContext tenant, TimeProvider clock,
    IStringLocalizer<RunCourseImport> localizer, ILogger<RunCourseImport> logger)
{
    public static readonly JsonSerializerOptions PreviewJson = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        var import = await db.CourseImports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        // Already read (a job run twice): nothing to do. A run cut off while running starts again from the start.
        if (import is null || import.IsFinished)
        {
            return;
        }

        var locale = new Locale(CultureInfo.GetCultureInfo(import.Culture), CultureInfo.GetCultureInfo(import.FormatCulture));
        import.Status = CourseImportStatus.Running;
        import.ProgressDone = 0;
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var result = await ReadAsync(import, locale, cancellationToken);
            if (!result.Succeeded)
            {
                logger.LogInformation("Import {ImportId} of {Source} refused: {Reason}", import.Id, import.Source, result.Error.Message);
                Finish(import, CourseImportStatus.Failed, result.Error.Message);
            }
            else
            {
                var modules = await media.CopyAsync(result.Modules, import.MediaBase, cancellationToken);
                var language = PlatformLanguages.Find(tenant.Required.DefaultCulture);
                var pages = locale.Render(() => ImportModules.ToInputs(modules, language, localizer));
                import.Preview = JsonSerializer.Serialize(new ImportPreview(pages, [.. result.LeftOut]), PreviewJson);
                import.ProgressTotal = Math.Max(import.ProgressTotal, 1);
                import.ProgressDone = import.ProgressTotal;
                Finish(import, CourseImportStatus.Ready, null);
                logger.LogInformation("Import {ImportId} of {Source} read: {Count} pages", import.Id, import.Source, pages.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever stops the reading ends as a message on the import's page, never as a job that stays "running".
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Import {ImportId} of {Source} failed", import.Id, import.Source);
            Finish(import, CourseImportStatus.Failed, locale.Render(() => localizer["The import stopped on an unexpected error. Try again; if it fails again, tell the platform's administrators."].Value));
        }

        // Saved without the caller's token: a finished import must not stay "running" because the job was cancelled.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<ImportResult> ReadAsync(CourseImport import, Locale locale, CancellationToken cancellationToken)
    {
        if (import.SourceKind == CourseImportSource.File)
        {
            return locale.Render(() => importer.Parse(import.Source, import.Upload ?? [], cancellationToken));
        }

        if (import.SourceKind != CourseImportSource.Site)
        {
            throw new InvalidOperationException($"Imports of kind {import.SourceKind} cannot be read.");
        }

        var (json, problem) = await site.ReadAsync(new Uri(import.Source), import.PostType ?? "pages", async (done, total) =>
        {
            import.ProgressDone = done;
            import.ProgressTotal = total;
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        if (problem is not null)
        {
            return ImportResult.Failure(locale.Render(() => problem!.Describe(localizer)));
        }

        // The answers together are one collection, read like an uploaded one.
        return locale.Render(() => importer.Parse("site.json", json!, cancellationToken));
    }

    private void Finish(CourseImport import, CourseImportStatus status, string? message)
    {
        import.Status = status;
        import.Message = message is { Length: > CourseImport.MaxMessageLength } ? message[..CourseImport.MaxMessageLength] : message;
        import.Upload = null;
        import.FinishedAt = clock.GetUtcNow();
    }
}
