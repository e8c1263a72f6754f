using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// The one place a post becomes HTML: the thread page, its cache and the live pushes all render through here, so a
// live reply looks like a reloaded one. Bodies are stored sanitized (PostBody); everything else is encoded here.
public sealed class ThreadRenderer(IStringLocalizer<ThreadRenderer> localizer)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private const string ArticleEnd = "</article>\n";

    public ThreadSnapshot Render(IReadOnlyList<PostRow> posts, ViewerClass viewer, TimeZoneInfo zone, ThreadStamp stamp)
    {
        var names = posts.ToDictionary(p => p.Id, p => p.AuthorName);
        var kept = new List<PostRow>(posts.Count);
        var rendered = new List<RenderedPost>(posts.Count);
        var html = new StringBuilder();
        foreach (var post in posts)
        {
            rendered.Add(RenderShared(html, post, post.ParentReplyId is { } parent ? names.GetValueOrDefault(parent) : null, viewer, zone));
            kept.Add(post with { BodyHtml = string.Empty });
        }
        return new ThreadSnapshot(kept, rendered, stamp);
    }

    // The next snapshot from the previous one: the posts the thread's events since then name are taken out, and those
    // of them this kind of reader is shown now (changed, as read again) go back in at their place in tree order, rendered
    // anew; the reflection is rendered anew; every other post keeps its rendered HTML. Linear in the thread's size for the
    // copy, but renders only what changed.
    public ThreadSnapshot Advance(
        ThreadSnapshot previous, PostRow reflection, IReadOnlySet<Guid> changedIds, IReadOnlyList<PostRow> changed, ViewerClass viewer, TimeZoneInfo zone, ThreadStamp stamp)
    {
        var shown = changed.Where(p => !p.IsReflection && changedIds.Contains(p.Id) && (viewer == ViewerClass.Moderator || p.Status != PostStatus.AwaitingApproval))
            .OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var names = shown.ToDictionary(p => p.Id, p => p.AuthorName);
        // As in a full render, whom a deep reply answers is named only when this kind of reader is shown that post.
        string? NameOf(Guid? parent) =>
            parent is not { } id ? null : changedIds.Contains(id) ? names.GetValueOrDefault(id) : previous.Find(id)?.AuthorName;

        var html = new StringBuilder();
        var posts = new List<PostRow>(previous.Posts.Count + shown.Count) { reflection with { BodyHtml = string.Empty } };
        var rendered = new List<RenderedPost>(posts.Capacity) { RenderShared(html, reflection, null, viewer, zone) };
        var next = 0;
        void InsertShownBefore(string? path)
        {
            for (; next < shown.Count && (path is null || string.CompareOrdinal(shown[next].Path, path) < 0); next++)
            {
                rendered.Add(RenderShared(html, shown[next], NameOf(shown[next].ParentReplyId), viewer, zone));
                posts.Add(shown[next] with { BodyHtml = string.Empty });
            }
        }
        for (var i = 1; i < previous.Posts.Count; i++)
        {
            var post = previous.Posts[i];
            if (changedIds.Contains(post.Id))
            {
                continue;
            }
            InsertShownBefore(post.Path);
            posts.Add(post);
            // A deep reply names whom it answers in its head, so a change to that post can change the head.
            rendered.Add(post.Depth > DiscussionOptions.MaxIndent && post.ParentReplyId is { } parent && changedIds.Contains(parent)
                ? previous.Rendered[i] with { Head = RenderHead(html, post, NameOf(parent), zone) }
                : previous.Rendered[i]);
        }
        InsertShownBefore(null);
        return new ThreadSnapshot(posts, rendered, stamp);
    }

    private RenderedPost RenderShared(StringBuilder html, PostRow post, string? parentName, ViewerClass viewer, TimeZoneInfo zone)
    {
        var head = RenderHead(html, post, parentName, zone);
        html.Clear();
        WriteBody(html, post, viewer);
        return new RenderedPost(head, html.ToString());
    }

    private string RenderHead(StringBuilder html, PostRow post, string? parentName, TimeZoneInfo zone)
    {
        html.Clear();
        WriteHeader(html, post, post.Depth > DiscussionOptions.MaxIndent && post.ParentReplyId is not null ? DisplayName(parentName) : null, zone);
        return html.ToString();
    }

    // One post of a snapshot with its slots filled for this person; scratch holds each slot while it is written.
    public void WritePost(TextWriter writer, ThreadSnapshot snapshot, int index, PersonalView person, StringBuilder scratch)
    {
        var post = snapshot.Posts[index];
        var rendered = snapshot.Rendered[index];
        writer.Write(rendered.Head);
        scratch.Clear();
        WriteSlot(scratch, post, SlotKind.Marks, person);
        writer.Write(scratch);
        writer.Write(rendered.Body);
        scratch.Clear();
        WriteSlot(scratch, post, SlotKind.Actions, person);
        writer.Write(scratch);
        writer.Write(ArticleEnd);
    }

    // One post with its slots filled for this person: what a live push carries and a catch-up returns.
    public string RenderPost(PostRow post, string? inReplyToName, ViewerClass viewer, TimeZoneInfo zone, PersonalView person)
    {
        var html = new StringBuilder();
        WriteHeader(html, post, post.Depth > DiscussionOptions.MaxIndent ? DisplayName(inReplyToName) : null, zone);
        WriteSlot(html, post, SlotKind.Marks, person);
        WriteBody(html, post, viewer);
        WriteSlot(html, post, SlotKind.Actions, person);
        html.Append(ArticleEnd);
        return html.ToString();
    }

    public void WriteSlot(StringBuilder html, PostRow post, SlotKind kind, PersonalView person)
    {
        if (kind == SlotKind.Marks)
        {
            var own = person.UserId is { } reader && post.AuthorId == reader;
            if (own)
            {
                html.Append("<span class=\"own-mark\">").Append(Encode(post.IsReflection ? localizer["Your reflection"] : localizer["Your reply"])).Append("</span>");
            }
            else if (person.LastVisitAt is { } visit && post.CreatedAt > visit)
            {
                html.Append("<span class=\"new-mark\">").Append(Encode(localizer["New since your last visit"])).Append("</span>");
            }
            if (person.IsModerator && person.OpenFlags is { } flags && flags.TryGetValue(post.Id, out var open) && open > 0 && person.ThreadUrl is { } threadUrl)
            {
                html.Append(" <a class=\"flag-mark\" href=\"").Append(Encode($"{threadUrl}/posts/{post.Id}/moderate")).Append("\">")
                    .Append(Encode(localizer["{count, plural, one {# open flag} other {# open flags}}", open])).Append("</a>");
            }
            return;
        }
        var id = post.Id.ToString();
        // The label is the toolbar's once the thread's script makes the actions one (wwwroot/js/discussion/toolbars.js);
        // without the script they stay plain links and buttons, each its own tab stop.
        html.Append("<div class=\"post-actions\" data-label=\"").Append(Encode(localizer["Actions on the post by {author}", DisplayName(post.AuthorName)])).Append("\">");
        var mine = person.UserId is { } me && post.AuthorId == me;
        var marked = person.HelpfulMarks.Contains(post.Id);
        var count = post.HelpfulCount.ToString(CultureInfo.CurrentCulture);
        if (post.Status == PostStatus.Visible && person.CanParticipate && !mine)
        {
            html.Append("<button type=\"submit\" form=\"post-action-form\" class=\"helpful-button link-button\" formaction=\"?handler=Helpful&amp;postId=")
                .Append(id).Append("\" data-post-id=\"").Append(id).Append("\" aria-pressed=\"").Append(marked ? "true" : "false").Append("\">")
                .Append(Encode(localizer["Helpful"])).Append(" <span class=\"helpful-count\">").Append(count).Append("</span></button>");
        }
        else
        {
            html.Append("<span class=\"helpful\">").Append(Encode(localizer["Helpful"])).Append(" <span class=\"helpful-count\">").Append(count).Append("</span></span>");
        }
        if (post.Status != PostStatus.Deleted && person.CanParticipate && person.ThreadOpen)
        {
            html.Append("<a class=\"reply-link\" href=\"?replyTo=").Append(id).Append("#reply-form\" data-post-id=\"").Append(id).Append("\">")
                .Append(Encode(localizer["Reply"])).Append("</a>");
        }
        if (person.SynthesisUrl is { } synthesis && post.Status == PostStatus.Visible && person.CanParticipate)
        {
            html.Append("<a class=\"quote-link\" href=\"").Append(Encode($"{synthesis}?quote={id}#synthesis-quote")).Append("\">")
                .Append(Encode(localizer["Quote in the synthesis"])).Append("</a>");
        }
        if (mine && post.Status == PostStatus.HiddenByModerator && !string.IsNullOrEmpty(post.HiddenReason))
        {
            html.Append("<p class=\"hidden-reason\">").Append(Encode(localizer["A moderator hid your post: {reason}", post.HiddenReason])).Append("</p>");
        }
        if (person.ThreadUrl is { } url)
        {
            var postUrl = Encode($"{url}/posts/{id}");
            if (person.IsModerator && post.Status != PostStatus.Deleted)
            {
                html.Append("<a class=\"moderate-link\" href=\"").Append(postUrl).Append("/moderate\">").Append(Encode(localizer["Moderate"])).Append("</a>");
            }
            if (!mine && person.CanParticipate && post.Status == PostStatus.Visible)
            {
                html.Append("<a class=\"flag-link\" href=\"").Append(postUrl).Append("/flag\">").Append(Encode(localizer["Flag"])).Append("</a>");
            }
            if (mine && PostRules.IsEditable(post.Status, post.CreatedAt, person.Now, person.EditWindow))
            {
                html.Append("<a class=\"edit-link\" href=\"").Append(postUrl).Append("/edit\">").Append(Encode(localizer["Edit"])).Append("</a>");
            }
            if (mine && post.Status == PostStatus.Visible)
            {
                html.Append("<a class=\"delete-link danger-link\" href=\"").Append(postUrl).Append("/edit#delete\">").Append(Encode(localizer["Delete"])).Append("</a>");
            }
            if (person.IsModerator && post.EditedAt is not null)
            {
                html.Append("<a class=\"history-link\" href=\"").Append(postUrl).Append("/history\">").Append(Encode(localizer["Edit history"])).Append("</a>");
            }
        }
        html.Append("</div>");
    }

    private void WriteHeader(StringBuilder html, PostRow post, string? inReplyTo, TimeZoneInfo zone)
    {
        var id = post.Id.ToString();
        var kind = post.IsReflection ? "reflection" : "reply";
        var depth = post.IsReflection ? 0 : Math.Min(post.Depth, DiscussionOptions.MaxIndent);
        var author = DisplayName(post.AuthorName);
        html.Append("<article class=\"post ").Append(kind).Append(" depth-").Append(depth.ToString(CultureInfo.InvariantCulture));
        if (post.Status == PostStatus.Deleted)
        {
            html.Append(" deleted");
        }
        else if (post.Status == PostStatus.HiddenByModerator)
        {
            html.Append(" hidden-post");
        }
        else if (post.Status == PostStatus.AwaitingApproval)
        {
            html.Append(" awaiting-post");
        }
        html.Append("\" id=\"post-").Append(id).Append("\" data-post-id=\"").Append(id)
            .Append("\" data-parent-id=\"").Append((post.ParentReplyId ?? (post.IsReflection ? (Guid?)null : post.ReflectionId))?.ToString() ?? string.Empty)
            .Append("\" data-depth=\"").Append(post.Depth.ToString(CultureInfo.InvariantCulture))
            // Its place in tree order, so that a live page can tell whether a new reply falls inside what it shows.
            .Append("\" data-path=\"").Append(post.Path)
            .Append("\" aria-label=\"").Append(Encode(localizer["Post by {author}", author])).Append("\">");
        var local = TimeZoneInfo.ConvertTime(post.CreatedAt, zone);
        html.Append("<header class=\"post-meta\">");
        Avatar.Write(html, post.AuthorId, post.AuthorName, post.AuthorPicture);
        if (post.AuthorId is { } authorId && !string.IsNullOrWhiteSpace(post.AuthorName))
        {
            // The thread's own address is /cohorts/{cohort}/reflections/{reflection}, so this is the author's profile in
            // the same cohort, whatever prefix or host the institution is served under.
            html.Append("<a class=\"post-author\" href=\"../people/").Append(authorId.ToString()).Append("\">").Append(Encode(author)).Append("</a> ");
        }
        else
        {
            html.Append("<span class=\"post-author\">").Append(Encode(author)).Append("</span> ");
        }
        html
            .Append("<a class=\"permalink\" href=\"#post-").Append(id).Append("\" title=\"").Append(Encode(localizer["Link to this post"])).Append("\">")
            .Append("<time datetime=\"").Append(post.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(Encode(local.ToString("g", CultureInfo.CurrentCulture))).Append("</time></a>");
        if (post.EditedAt is not null && post.Status != PostStatus.Deleted)
        {
            html.Append(" <span class=\"edited-mark\">").Append(Encode(localizer["edited"])).Append("</span>");
        }
        if (inReplyTo is not null)
        {
            html.Append(" <span class=\"in-reply-to\">").Append(Encode(localizer["in reply to {author}", inReplyTo])).Append("</span>");
        }
        html.Append("</header>");
    }

    private void WriteBody(StringBuilder html, PostRow post, ViewerClass viewer)
    {
        html.Append("<div class=\"post-body prose\">");
        switch (post.Status)
        {
            case PostStatus.Deleted:
                html.Append("<p class=\"muted\">").Append(Encode(localizer["This post was deleted by its author."])).Append("</p>");
                break;
            case PostStatus.HiddenByModerator when viewer == ViewerClass.Reader:
                html.Append("<p class=\"muted\">").Append(Encode(localizer["This post was hidden by a moderator."])).Append("</p>");
                break;
            case PostStatus.HiddenByModerator:
                html.Append("<p class=\"warning moderation-mark\">").Append(Encode(localizer["Hidden from learners by a moderator."]));
                if (!string.IsNullOrEmpty(post.HiddenReason))
                {
                    html.Append(' ').Append(Encode(localizer["Reason: {reason}", post.HiddenReason]));
                }
                html.Append("</p>").Append(post.BodyHtml);
                break;
            case PostStatus.AwaitingApproval:
                // Only its author and the moderators are ever shown a post in this state.
                html.Append("<p class=\"warning moderation-mark awaiting-approval\">").Append(Encode(localizer["Awaiting approval by a moderator."])).Append("</p>")
                    .Append(post.BodyHtml);
                break;
            default:
                // Sanitized when it was written (PostBody → MarkdownRenderer.RenderPost).
                html.Append(post.BodyHtml);
                break;
        }
        html.Append("</div>");
    }

    private string DisplayName(string? name) => string.IsNullOrWhiteSpace(name) ? localizer["deleted user"] : name;

    private static string Encode(string value) => Encoder.Encode(value);
}
