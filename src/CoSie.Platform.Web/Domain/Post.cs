namespace CoSie.Platform.Web.Domain;

// What a reflection and a reply share as posts: an author, a body, a status and an edit history. The rules on them
// live once, in PostRules.
public interface IPost
{
    Guid Id { get; }
    Guid ThreadId { get; }
    Guid? AuthorId { get; }
    PostStatus Status { get; set; }
    string BodySource { get; set; }
    string BodyHtml { get; set; }
    DateTimeOffset CreatedAt { get; }
    DateTimeOffset? EditedAt { get; set; }
}
