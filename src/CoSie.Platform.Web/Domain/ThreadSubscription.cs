namespace CoSie.Platform.Web.Domain;

// A person's choice about one thread (ThreadFollowing). Without a row the author of the reflection follows their own
// thread and everyone else hears only of replies to them and mentions of them; a member who replies starts following
// unless they chose otherwise before.
public sealed class ThreadSubscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid UserId { get; set; }
    public Guid ReflectionId { get; set; }
    public ThreadFollowing Level { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // What a person hears of a thread, with or without a row of their own.
    public static ThreadFollowing Of(ThreadFollowing? chosen, bool isThreadAuthor) =>
        chosen ?? (isThreadAuthor ? ThreadFollowing.Following : ThreadFollowing.Normal);
}
