namespace CoSie.Platform.Web.Features.Courses.Media;

// Which media files are in use, the one rule behind who may load a file (MediaAccess) and which files the daily
// cleanup deletes (ForgetUnusedMediaJob): a file is in use while a module of its institution names it, draft or
// published, in its HTML or its source, or while it is the institution's logo. File names are
// "{fingerprint}.{extension}"; the fingerprint alone is searched, as every page names it that way.
public static class MediaUse
{
    // Each file with each module that names it.
    public static IQueryable<MediaShownBy> ShownBy(PlatformDbContext db) =>
        from f in db.MediaFiles
        join m in db.Modules on f.InstitutionId equals m.InstitutionId
        where m.BodyHtml.Contains(f.Fingerprint) || m.BodySource.Contains(f.Fingerprint)
        select new MediaShownBy { FileId = f.Id, Fingerprint = f.Fingerprint, Module = m };

    // Whether this file is the logo the institution names; Logos is the same rule in SQL.
    public static bool IsLogo(string? logoFile, string fingerprint) => logoFile is not null && logoFile.Contains(fingerprint, StringComparison.Ordinal);

    // The files that are their institution's logo.
    public static IQueryable<MediaFile> Logos(PlatformDbContext db) =>
        from f in db.MediaFiles
        join i in db.Institutions on f.InstitutionId equals i.Id
        where i.LogoFile != null && i.LogoFile.Contains(f.Fingerprint)
        select f;

    public static IQueryable<MediaFile> Unused(PlatformDbContext db)
    {
        var shown = ShownBy(db);
        var logos = Logos(db);
        return db.MediaFiles.Where(f => !shown.Any(s => s.FileId == f.Id) && !logos.Any(l => l.Id == f.Id));
    }
}

public sealed class MediaShownBy
{
    public Guid FileId { get; init; }
    public required string Fingerprint { get; init; }
    public required CourseModule Module { get; init; }
}
