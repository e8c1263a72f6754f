using System.Globalization;

namespace CoSie.Platform.Web.Domain;

// A reply to a reflection or to another reply. Path places it in the tree: its parent's path followed by its own
// position among its siblings, in fixed-width segments, so ordering a thread's replies by path (in the "C"
// collation) lists the tree depth-first in one query.
public sealed class Reply : ITenantOwned, IPost
{
    public const int SegmentWidth = 6;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid ReflectionId { get; set; }
    public Guid? ParentReplyId { get; set; }
    public string Path { get; set; } = string.Empty;
    public int Depth { get; set; }

    public Guid? AuthorId { get; set; }
    public string BodySource { get; set; } = string.Empty;
    public string BodyHtml { get; set; } = string.Empty;
    public PostStatus Status { get; set; } = PostStatus.Visible;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    // Why a moderator hid the post; its author reads it under the placeholder.
    public string? HiddenReason { get; set; }
    public int HelpfulCount { get; set; }
    public int ChildCount { get; set; }

    // The form's one-time key: the same form posted twice finds the first reply instead of adding a second.
    public Guid? SubmissionKey { get; set; }

    public bool IsDeleted => Status == PostStatus.Deleted;

    public bool IsPublished => Status is PostStatus.Visible or PostStatus.HiddenByModerator;

    public static string PathSegment(int position) => position.ToString("D" + SegmentWidth, CultureInfo.InvariantCulture);

    Guid IPost.ThreadId => ReflectionId;
}
