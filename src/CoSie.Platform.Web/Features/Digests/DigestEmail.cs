using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Features.Synthesis;
using MimeKit;

namespace CoSie.Platform.Web.Features.Digests;

// The digest as mail: a plain-text and an HTML part (tables and inline styles, no scripts, no remote fonts or
// images), every name and text passed through MailText and HTML-encoded, and the one-click unsubscribe headers of
// RFC 8058 when the letter carries its recipient's own unsubscribe link.
public sealed class DigestEmail(IStringLocalizer<DigestEmail> localizer, DigestLinks links)
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;";

    // Encodes markup characters but leaves letters such as ń or ä readable in the HTML source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Written in the recipient's language and formats, whoever's job or request sends it.
    public MimeMessage Build(DigestLetter letter) => letter.Recipient.Locale.Render(() => Compose(letter));

    public (string Text, string Html) Render(DigestLetter letter) => letter.Recipient.Locale.Render(() => Write(letter));

    private MimeMessage Compose(DigestLetter letter)
    {
        var (text, html) = Write(letter);
        var message = new MimeMessage { Subject = Subject(letter.Content) };
        message.To.Add(new MailboxAddress(MailText.Clean(letter.Recipient.DisplayName), letter.Recipient.Email));
        message.From.Add(new MailboxAddress(MailText.Clean(letter.Institution.Name), letter.FromAddress));
        if (letter.MessageId is not null)
        {
            message.MessageId = letter.MessageId;
        }
        if (letter.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        // Marks the mail as automatic, so mail servers do not answer it with out-of-office replies.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = $"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.Name}\"><head><meta charset=\"utf-8\"></head><body style=\"margin:0;padding:16px;background:#f5f5f2;\">{html}</body></html>" }.ToMessageBody();
        return message;
    }

    public string Subject(DigestContent content)
    {
        var parts = new List<string>();
        if (content.NewReflectionsTotal > 0)
        {
            parts.Add(localizer["{count, plural, one {# new reflection} other {# new reflections}}", content.NewReflectionsTotal].Value);
        }
        if (content.RepliesToYouTotal > 0)
        {
            parts.Add(localizer["{count, plural, one {# reply to you} other {# replies to you}}", content.RepliesToYouTotal].Value);
        }
        if (content.Mentions.Count > 0)
        {
            parts.Add(localizer["{count, plural, one {# mention} other {# mentions}}", content.Mentions.Count].Value);
        }
        if (parts.Count == 0)
        {
            parts.Add(localizer["what happened this week"].Value);
        }
        return localizer["{cohort}: {summary}", MailText.Clean(content.CohortName), string.Join(", ", parts)].Value;
    }

    // The HTML part's inner table (the preview page shows it inside the site) and the text part.
    private (string Text, string Html) Write(DigestLetter letter)
    {
        var content = letter.Content;
        var institution = letter.Institution;
        var institutionName = MailText.Clean(institution.Name);
        var cohortName = MailText.Clean(content.CohortName);
        var text = new StringBuilder();
        var html = new StringBuilder();
        var e = Encoder;

        var greeting = localizer["Hello {name},", MailText.Clean(letter.Recipient.DisplayName)].Value;
        var since = localizer["Here is what happened in {cohort} since {date}.", cohortName, Date(letter.PeriodStart, letter.Recipient)].Value;
        text.Append(greeting).Append("\n\n").Append(since).Append("\n\n");
        html.Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #ddddd5;{Font}color:#222222;\">")
            .Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:16px 20px;background:#1d4e5f;color:#ffffff;font-size:18px;font-weight:bold;\">{e.Encode(institutionName)} · {e.Encode(cohortName)}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:16px 20px 0 20px;font-size:15px;line-height:1.5;\"><p style=\"margin:0 0 8px 0;\">{e.Encode(greeting)}</p><p style=\"margin:0;\">{e.Encode(since)}</p></td></tr>");

        foreach (var nudge in content.Nudges)
        {
            var message = localizer["{count, plural, one {# peer} other {# peers}} answered “{prompt}”. Post your own reflection to read theirs.", nudge.Waiting, MailText.Clean(nudge.PromptText)].Value;
            var link = nudge.ModuleSlug is null ? links.Cohort(institution, letter.CohortId) : links.Module(institution, content.CourseSlug, nudge.ModuleSlug);
            Section(text, html, localizer["Your turn"].Value);
            text.Append(message).Append('\n').Append(link).Append("\n\n");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 20px 12px 20px;font-size:15px;line-height:1.5;\">{e.Encode(message)}<br><a href=\"{e.Encode(link)}\" style=\"color:#1d4e5f;font-weight:bold;\">{e.Encode(localizer["Write your reflection"].Value)}</a></td></tr>");
        }

        Posts(text, html, letter, localizer["Replies to you"].Value, content.RepliesToYou, content.RepliesToYouTotal);
        Posts(text, html, letter, localizer["You were mentioned"].Value, content.Mentions, content.Mentions.Count);
        Posts(text, html, letter, localizer["New reflections"].Value, content.NewReflections, content.NewReflectionsTotal);

        foreach (var synthesis in content.Syntheses)
        {
            Closed(text, html, letter, synthesis);
        }

        Posts(text, html, letter, localizer["Pinned by your instructors"].Value, content.Pinned, content.Pinned.Count);

        if (content.ActiveThreads.Count > 0)
        {
            Section(text, html, localizer["Most active discussions"].Value);
            foreach (var thread in content.ActiveThreads)
            {
                var link = links.Reflection(institution, letter.CohortId, thread.ReflectionId);
                var line = localizer["{count, plural, one {# new reply} other {# new replies}} to {author} on “{prompt}”", thread.NewReplies, Author(thread.AuthorName), MailText.Clean(thread.PromptText)].Value;
                text.Append("- ").Append(line).Append('\n').Append("  ").Append(link).Append('\n');
                html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 20px;font-size:15px;line-height:1.5;\"><a href=\"{e.Encode(link)}\" style=\"color:#1d4e5f;\">{e.Encode(line)}</a></td></tr>");
            }
            text.Append('\n');
        }

        if (content.NextModule is { } next)
        {
            var link = links.Module(institution, content.CourseSlug, next.Slug);
            var title = MailText.Clean(next.Title);
            Section(text, html, localizer["Next in the course"].Value);
            text.Append(title).Append('\n').Append(link).Append("\n\n");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 20px 12px 20px;font-size:15px;\"><a href=\"{e.Encode(link)}\" style=\"color:#1d4e5f;font-weight:bold;\">{e.Encode(title)}</a></td></tr>");
        }

        var why = localizer["You receive this digest as a member of {cohort} at {institution}.", cohortName, institutionName].Value;
        var change = localizer["Choose how often you get it"].Value;
        var stop = localizer["Unsubscribe from this cohort's digest"].Value;
        var preferences = links.Preferences(institution);
        text.Append("--\n").Append(why).Append('\n')
            .Append(change).Append(": ").Append(preferences).Append('\n');
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:16px 20px;border-top:1px solid #ddddd5;font-size:12px;color:#666666;line-height:1.5;\">{e.Encode(why)}<br><a href=\"{e.Encode(preferences)}\" style=\"color:#666666;\">{e.Encode(change)}</a>");
        if (letter.UnsubscribeUrl is { } unsubscribe)
        {
            text.Append(stop).Append(": ").Append(unsubscribe).Append('\n');
            html.Append(CultureInfo.InvariantCulture, $" · <a href=\"{e.Encode(unsubscribe)}\" style=\"color:#666666;\">{e.Encode(stop)}</a>");
        }
        html.Append("</td></tr></table>");
        return (text.ToString(), html.ToString());
    }

    private void Posts(StringBuilder text, StringBuilder html, DigestLetter letter, string title, IReadOnlyList<DigestPost> posts, int total)
    {
        if (posts.Count == 0)
        {
            return;
        }
        var e = Encoder;
        Section(text, html, title);
        foreach (var post in posts)
        {
            var link = post.ReplyId is { } replyId
                ? links.Reply(letter.Institution, letter.CohortId, post.ReflectionId, replyId)
                : links.Reflection(letter.Institution, letter.CohortId, post.ReflectionId);
            var byline = localizer["{author} on “{prompt}”, {date}", Author(post.AuthorName), MailText.Clean(post.PromptText), Date(post.At, letter.Recipient)].Value;
            var excerpt = MailText.Clean(post.Excerpt);
            text.Append("- ").Append(byline).Append('\n')
                .Append("  ").Append(excerpt).Append('\n')
                .Append("  ").Append(link).Append('\n');
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:6px 20px;font-size:15px;line-height:1.5;\"><div style=\"font-size:13px;color:#555555;\">{e.Encode(byline)}</div><div>{e.Encode(excerpt)}</div><a href=\"{e.Encode(link)}\" style=\"color:#1d4e5f;font-size:14px;\">{e.Encode(localizer["Read and reply"].Value)}</a></td></tr>");
        }
        if (total > posts.Count)
        {
            var more = localizer["… and {count, plural, one {# more} other {# more}} on the site.", total - posts.Count].Value;
            text.Append(more).Append('\n');
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 20px;font-size:14px;color:#555555;\">{e.Encode(more)}</td></tr>");
        }
        text.Append('\n');
    }

    // A synthesis the cohort closed: its sections and paragraphs as plain text, and a link to it on the site.
    private void Closed(StringBuilder text, StringBuilder html, DigestLetter letter, DigestSynthesis synthesis)
    {
        var e = Encoder;
        var link = links.Synthesis(letter.Institution, letter.CohortId, synthesis.ModuleId);
        Section(text, html, localizer["Your cohort's synthesis of “{module}”", MailText.Clean(synthesis.ModuleTitle)].Value);
        var closed = localizer["Closed on {date}.", Date(synthesis.ClosedAt, letter.Recipient)].Value;
        text.Append(closed).Append("\n\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 20px;font-size:13px;color:#555555;\">{e.Encode(closed)}</td></tr>");
        foreach (var section in synthesis.Sections)
        {
            var title = SynthesisSections.Title(localizer, section.Section);
            text.Append(title).Append('\n');
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:8px 20px 0 20px;font-size:15px;font-weight:bold;\">{e.Encode(title)}</td></tr><tr><td style=\"padding:0 20px;font-size:15px;line-height:1.5;\">");
            foreach (var paragraph in section.Paragraphs)
            {
                var clean = MailText.Clean(paragraph);
                text.Append("  ").Append(clean).Append('\n');
                html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:4px 0;\">{e.Encode(clean)}</p>");
            }
            text.Append('\n');
            html.Append("</td></tr>");
        }
        var read = localizer["Read the synthesis"].Value;
        text.Append(read).Append(": ").Append(link).Append("\n\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:8px 20px 12px 20px;font-size:14px;\"><a href=\"{e.Encode(link)}\" style=\"color:#1d4e5f;font-weight:bold;\">{e.Encode(read)}</a></td></tr>");
    }

    private static void Section(StringBuilder text, StringBuilder html, string title)
    {
        text.Append(title).Append('\n').Append(new string('=', title.Length)).Append('\n');
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:16px 20px 4px 20px;font-size:16px;font-weight:bold;color:#1d4e5f;\">{Encoder.Encode(title)}</td></tr>");
    }

    private string Author(string? name) => MailText.Clean(name) is { Length: > 0 } clean ? clean : localizer["a deleted user"].Value;

    private static string Date(DateTimeOffset instant, DigestRecipient recipient) =>
        TimeZoneInfo.ConvertTime(instant, recipient.TimeZone).ToString("f", recipient.Locale.Formats);
}
