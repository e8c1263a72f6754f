using System.Security.Cryptography;
using Npgsql;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Keeps a file in the institution's media table and gives its file name there: the SHA-256 of the bytes and the type's
// extension. The same bytes are stored once per institution.
public sealed class MediaStore(PlatformDbContext db, TimeProvider clock)
{
    public async Task<string> SaveAsync(byte[] content, MediaType type, string? sourceUrl, CancellationToken cancellationToken)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(content));
        var name = $"{fingerprint}.{type.Extension}";
        if (await db.MediaFiles.AnyAsync(m => m.Fingerprint == fingerprint, cancellationToken))
        {
            return name;
        }

        var file = new MediaFile
        {
            Fingerprint = fingerprint,
            ContentType = type.ContentType,
            Content = content,
            Length = content.LongLength,
            SourceUrl = sourceUrl is { Length: > 2000 } ? null : sourceUrl,
            CreatedAt = clock.GetUtcNow(),
        };
        db.MediaFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another import stored the same bytes a moment ago: theirs serves this page as well.
        }
        finally
        {
            db.Entry(file).State = EntityState.Detached;
        }

        return name;
    }
}
