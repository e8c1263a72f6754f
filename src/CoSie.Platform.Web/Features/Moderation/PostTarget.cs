namespace CoSie.Platform.Web.Features.Moderation;

// A reflection or a reply, as a moderation action sees it: the same few fields whichever it is.
public sealed class PostTarget(Reflection thread, Reply? reply)
{
    public Reflection Thread { get; } = thread;
    public Reply? Reply { get; } = reply;
    public Guid Id => Reply?.Id ?? Thread.Id;
    public bool IsReflection => Reply is null;
    public Guid? AuthorId => Reply is null ? Thread.AuthorId : Reply.AuthorId;
    public string BodySource => Reply is null ? Thread.BodySource : Reply.BodySource;

    public PostStatus Status
    {
        get => Reply?.Status ?? Thread.Status;
        set
        {
            if (Reply is null)
            {
                Thread.Status = value;
            }
            else
            {
                Reply.Status = value;
            }
        }
    }

    public string? HiddenReason
    {
        get => Reply is null ? Thread.HiddenReason : Reply.HiddenReason;
        set
        {
            if (Reply is null)
            {
                Thread.HiddenReason = value;
            }
            else
            {
                Reply.HiddenReason = value;
            }
        }
    }

    public DateTimeOffset CreatedAt
    {
        get => Reply?.CreatedAt ?? Thread.CreatedAt;
        set
        {
            if (Reply is null)
            {
                Thread.CreatedAt = value;
            }
            else
            {
                Reply.CreatedAt = value;
            }
        }
    }

    public PostRevision Edit(string source, string html, DateTimeOffset now) =>
        Reply is null ? Thread.Edit(source, html, now) : Reply.Edit(source, html, now);

    public void Purge()
    {
        if (Reply is null)
        {
            Thread.Delete();
        }
        else
        {
            Reply.Delete();
        }
        HiddenReason = null;
    }
}
