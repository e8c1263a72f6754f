namespace CoSie.Platform.Web.Domain;

// A person's own picture, one per account and shown in every institution they belong to; the bytes are always the
// platform's re-encoding (Features/Profiles/ProfileImage), never what was uploaded.
public sealed class ProfilePicture
{
    public Guid UserId { get; set; }
    public byte[] Content { get; set; } = [];
    public string ContentType { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
}
