using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Identity;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// What a person is told when a platform admin acts on their account: a plain-text and an HTML part each, in the
// account's own language (RecipientCulture), every value HTML-encoded in the HTML part.
public sealed class AccountAdminEmails(IStringLocalizer<AccountAdminEmails> localizer, EmailSender sender, ILogger<AccountAdminEmails> logger)
{
    private const string Site = "CoSIE";

    public MimeMessage Disabled(PlatformUser user, string reason) =>
        Compose(user, "Your {0} account has been disabled", b => b
            .Paragraph("Hello {0},", user.DisplayName)
            .Paragraph("A platform administrator has disabled your {0} account. You are signed out everywhere and cannot sign in until it is enabled again.", Site)
            .Reason(reason)
            .Paragraph("If you think this is a mistake, contact the administrator of your institution."));

    public MimeMessage Enabled(PlatformUser user, string reason) =>
        Compose(user, "Your {0} account has been enabled again", b => b
            .Paragraph("Hello {0},", user.DisplayName)
            .Paragraph("A platform administrator has enabled your {0} account again. You can sign in as before.", Site)
            .Reason(reason));

    public MimeMessage PasswordResetForced(PlatformUser user, string reason, string link) =>
        Compose(user, "Choose a new password for {0}", b => b
            .Paragraph("Hello {0},", user.DisplayName)
            .Paragraph("A platform administrator has reset the password of your {0} account and signed you out everywhere. Your old password no longer works.", Site)
            .Reason(reason)
            .Paragraph("Choose a new password here (the link works for one day; after that, ask for a new one on the sign-in page):")
            .Link("Choose a new password", link));

    public MimeMessage SignedOutEverywhere(PlatformUser user, string reason) =>
        Compose(user, "You have been signed out of {0}", b => b
            .Paragraph("Hello {0},", user.DisplayName)
            .Paragraph("A platform administrator has signed your {0} account out on every device. Sign in again to continue; your password is unchanged.", Site)
            .Reason(reason)
            .Paragraph("If you did not expect this, consider choosing a new password."));

    // The action has happened whether or not the mail leaves; a failure is logged and reported to the admin.
    public async Task<bool> TrySendAsync(MimeMessage message, string purpose, Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send the {Purpose} mail for account {UserId}", purpose, userId);
            return false;
        }
    }

    private MimeMessage Compose(PlatformUser user, string subject, Func<BodyWriter, BodyWriter> write)
    {
        var culture = RecipientCulture.For(user.Culture);
        return RecipientCulture.Render(culture, () =>
        {
            var body = write(new BodyWriter(localizer)).Paragraph("This message was sent by {0}.", Site);
            var message = new MimeMessage { Subject = localizer[subject, Site].Value };
            message.To.Add(new MailboxAddress(user.DisplayName, user.Email!));
            message.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html }.ToMessageBody();
            // Says which language the mail is written in (RFC 3282), so mail clients offer the right spelling and speech.
            message.Body.Headers.Add(HeaderId.ContentLanguage, culture.Name);
            return message;
        });
    }

    private sealed class BodyWriter(IStringLocalizer localizer)
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new("<!DOCTYPE html><html><body>");

        public string Text => _text.ToString();
        public string Html => _html + "</body></html>";

        public BodyWriter Paragraph(string format, params string[] values)
        {
            var localized = localizer[format].Value;
            _text.Append(string.Format(CultureInfo.CurrentCulture, localized, values)).Append("\n\n");
            var encoded = values.Select(v => (object)HtmlEncoder.Default.Encode(v)).ToArray();
            _html.Append("<p>").Append(string.Format(CultureInfo.CurrentCulture, HtmlEncoder.Default.Encode(localized), encoded)).Append("</p>");
            return this;
        }

        public BodyWriter Reason(string reason) => reason.Length == 0 ? this : Paragraph("The reason given: {0}", reason);

        public BodyWriter Link(string label, string url)
        {
            var localized = localizer[label].Value;
            _text.Append(localized).Append(":\n").Append(url).Append("\n\n");
            _html.Append("<p><a href=\"").Append(HtmlEncoder.Default.Encode(url)).Append("\">")
                .Append(HtmlEncoder.Default.Encode(localized)).Append("</a></p>");
            return this;
        }
    }
}
