using System.Security.Cryptography;

namespace CoSie.Platform.Web.Domain;

// A run of a course by a group of people, with its own options and invitation.
public sealed class Cohort : ITenantOwned
{
    public const int DefaultEditWindowMinutes = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CourseId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    // Learners see peers' reflections only after posting their own (and after its edit window).
    public bool PostFirst { get; set; } = true;
    public int EditWindowMinutes { get; set; } = DefaultEditWindowMinutes;

    // Opens the post-first gate as soon as a learner has posted, without waiting for the edit window: the cohort
    // accepts that someone could post a placeholder, read the others and rewrite it within the window.
    public bool RevealOnPost { get; set; }

    // Participation expectation: replies to this many peers' reflections per prompt (0: no expectation).
    public int ExpectedPeerReplies { get; set; }

    // Pre-approval: learners' posts wait for a moderator before anyone else sees them; with ApprovalFirstPosts
    // above 0, only each learner's first that many posts wait.
    public bool RequireApproval { get; set; }
    public int ApprovalFirstPosts { get; set; }

    public TimeSpan EditWindow => TimeSpan.FromMinutes(EditWindowMinutes);

    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;
    public int DigestHour { get; set; } = 8;

    public string InviteCode { get; set; } = NewInviteCode();
    public bool InviteEnabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<CohortMember> Members { get; set; } = [];

    public void RegenerateInvite() => InviteCode = NewInviteCode();

    // 16 characters from a CSPRNG over an alphabet without look-alikes (no 0/o, 1/l/i): about 79 bits, easy to type.
    public static string NewInviteCode()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Create(16, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }
}
