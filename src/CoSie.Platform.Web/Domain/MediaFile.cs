namespace CoSie.Platform.Web.Domain;

// A file copied into the platform at import (an image re-encoded, an audio or video file checked by its bytes), kept in
// the database so every instance serves it and a database backup holds it. Named by the SHA-256 of its bytes: the same
// file imported twice is stored once, and its address never changes, so browsers may cache it for good.
public sealed class MediaFile : ITenantOwned
{
    public const int FingerprintLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string Fingerprint { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public long Length { get; set; }

    // Where it was copied from, for the instructor's record; never fetched again.
    public string? SourceUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
