using System.Globalization;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Features.Digests;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoSie.Platform.Web.Features.Insight;

// The reminder about a prompt, in the recipient's language, with a link straight to the prompt and the one-click
// unsubscribe of RFC 8058 for this cohort's reminders (the digest's token and page, UnsubscribeTokens).
public sealed class ReminderMail(IStringLocalizer<ReminderMail> localizer, DigestLinks links, UnsubscribeTokens tokens, IOptions<EmailOptions> options)
{
    public MimeMessage Build(ReminderLetter letter) => letter.Locale.Render(() => Compose(letter));

    public static string PromptLink(DigestLinks links, ReminderLetter letter) =>
        $"{links.Cohort(letter.Institution, letter.CohortId)}/prompts/{letter.PromptId}";

    private MimeMessage Compose(ReminderLetter letter)
    {
        var institution = letter.Institution;
        var prompt = MailText.Clean(letter.PromptText);
        var cohort = MailText.Clean(letter.CohortName);
        var site = MailText.Clean(institution.Name);
        var unsubscribe = links.Unsubscribe(institution, tokens.Create(new UnsubscribeToken(institution.Id, letter.CohortId, letter.UserId, UnsubscribeTopic.Reminders)));
        var from = MailText.Clean(letter.SenderName) is { Length: > 0 } name ? name : localizer["An instructor"].Value;
        var body = new MailBody()
            .Paragraph(localizer["Hello {name},", MailText.Clean(letter.DisplayName)])
            .Paragraph(localizer["{sender} reminds you of this prompt in {cohort}:", from, cohort])
            .Paragraph(new LocalizedString("prompt", prompt))
            .Link(localizer["Open the prompt"], PromptLink(links, letter))
            .Paragraph(localizer["You receive this mail because an instructor of {cohort} at {institution} sent you a reminder.", cohort, site])
            .Link(localizer["Stop reminders from this cohort"], unsubscribe);

        var message = new MimeMessage { Subject = MailText.Clean(localizer["A reminder from {cohort}", cohort].Value) };
        message.To.Add(new MailboxAddress(MailText.Clean(letter.DisplayName), letter.Email));
        message.From.Add(new MailboxAddress(site, options.Value.FromAddress));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, CultureInfo.CurrentUICulture.Name);
        return message;
    }
}
