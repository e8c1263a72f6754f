namespace CoSie.Platform.Web.Domain;

// The text a post had before an edit; moderators can read a post's history.
public sealed class PostRevision : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ReflectionId { get; set; }
    public Guid PostId { get; set; }
    public required string BodySource { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset ReplacedAt { get; set; }

    // Set when a moderator, not the author, replaced the text.
    public Guid? ReplacedByModeratorId { get; set; }
}
