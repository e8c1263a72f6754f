using System.Globalization;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Features.Digests;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoSie.Platform.Web.Features.Discussions.Notifications;

// The mail about replies to a person's posts or mentions of them in one thread: who wrote, when, the first words of
// each post and a link to it, in the recipient's language, with links into the post's own institution and the
// one-click unsubscribe of RFC 8058 for this kind of mail alone (the digest's token and page, UnsubscribeTokens).
public sealed class NotificationMail(IStringLocalizer<NotificationMail> localizer, DigestLinks links, UnsubscribeTokens tokens, IOptions<EmailOptions> options)
{
    private const int SubjectPromptLength = 60;

    public MimeMessage Build(NotificationLetter letter) => letter.Locale.Render(() => Compose(letter));

    private MimeMessage Compose(NotificationLetter letter)
    {
        var institution = letter.Institution;
        var mention = letter.Kind == NotificationKind.Mention;
        var prompt = Shorten(MailText.Clean(letter.PromptText));
        var first = letter.Posts[0];
        var subject = (mention, letter.Posts.Count) switch
        {
            (true, 1) => localizer["{name} mentioned you on “{prompt}”", Author(first.AuthorName), prompt],
            (true, _) => localizer["{count, plural, one {# new mention} other {# new mentions}} of you on “{prompt}”", letter.Posts.Count, prompt],
            (false, 1) => localizer["{name} replied to your post on “{prompt}”", Author(first.AuthorName), prompt],
            _ => localizer["{count, plural, one {# new reply} other {# new replies}} to your posts on “{prompt}”", letter.Posts.Count, prompt],
        };
        var topic = mention ? UnsubscribeTopic.MentionMails : UnsubscribeTopic.ReplyMails;
        var unsubscribe = links.Unsubscribe(institution, tokens.Create(new UnsubscribeToken(institution.Id, letter.CohortId, letter.UserId, topic)));
        var body = new MailBody().Paragraph(localizer["Hello {name},", MailText.Clean(letter.DisplayName)]);
        foreach (var post in letter.Posts)
        {
            var at = TimeZoneInfo.ConvertTime(post.At, letter.TimeZone).ToString("f", letter.Locale.Formats);
            var link = post.IsReflection
                ? links.Reflection(institution, letter.CohortId, letter.ReflectionId) + $"#post-{post.PostId}"
                : links.Reply(institution, letter.CohortId, letter.ReflectionId, post.PostId);
            body.Paragraph(localizer["{author} wrote on {date}:", Author(post.AuthorName), at])
                .Paragraph(new LocalizedString("excerpt", post.Excerpt))
                .Link(localizer["Read and reply"], link);
        }
        var cohort = MailText.Clean(letter.CohortName);
        var site = MailText.Clean(institution.Name);
        body.Paragraph(mention
                ? localizer["You receive this mail because someone mentioned you in {cohort} at {institution}.", cohort, site]
                : localizer["You receive this mail because someone replied to your post in {cohort} at {institution}.", cohort, site])
            .Link(localizer["Choose which mails you get"], links.Preferences(institution))
            .Link(mention ? localizer["Stop mails about mentions of me"] : localizer["Stop mails about replies to my posts"], unsubscribe);

        var message = new MimeMessage { Subject = MailText.Clean(subject.Value) };
        message.To.Add(new MailboxAddress(MailText.Clean(letter.DisplayName), letter.Email));
        message.From.Add(new MailboxAddress(site, options.Value.FromAddress));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // Marks the mail as automatic, so mail servers do not answer it with out-of-office replies.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, CultureInfo.CurrentUICulture.Name);
        return message;
    }

    private string Author(string? name) => MailText.Clean(name) is { Length: > 0 } clean ? clean : localizer["a deleted user"].Value;

    private static string Shorten(string text) =>
        text.Length <= SubjectPromptLength ? text : string.Concat(text.AsSpan(0, SubjectPromptLength).TrimEnd(), "…");
}
