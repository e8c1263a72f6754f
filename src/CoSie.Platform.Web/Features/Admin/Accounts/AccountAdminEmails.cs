using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Localization;
using MimeKit;

namespace CoSie.Platform.Web.Features.Admin.Accounts;

// What a person is told when a platform admin acts on their account: a plain-text and an HTML part each, in the
// account's own language (Locale), every value HTML-encoded in the HTML part.
public sealed class AccountAdminEmails(IStringLocalizer<AccountAdminEmails> localizer, EmailSender sender, ILogger<AccountAdminEmails> logger)
{
    private const string Site = "CoSIE";

    public MimeMessage Disabled(PlatformUser user, string reason) =>
        Compose(user, () => localizer["Your {site} account has been disabled", Site], b => b
            .Paragraph(localizer["Hello {name},", user.DisplayName])
            .Paragraph(localizer["A platform administrator has disabled your {site} account. You are signed out everywhere and cannot sign in until it is enabled again.", Site])
            .When(reason.Length > 0, m => m.Paragraph(localizer["The reason given: {reason}", reason]))
            .Paragraph(localizer["If you think this is a mistake, contact the administrator of your institution."]));

    public MimeMessage Enabled(PlatformUser user, string reason) =>
        Compose(user, () => localizer["Your {site} account has been enabled again", Site], b => b
            .Paragraph(localizer["Hello {name},", user.DisplayName])
            .Paragraph(localizer["A platform administrator has enabled your {site} account again. You can sign in as before.", Site])
            .When(reason.Length > 0, m => m.Paragraph(localizer["The reason given: {reason}", reason])));

    public MimeMessage PasswordResetForced(PlatformUser user, string reason, string link) =>
        Compose(user, () => localizer["Choose a new password for {site}", Site], b => b
            .Paragraph(localizer["Hello {name},", user.DisplayName])
            .Paragraph(localizer["A platform administrator has reset the password of your {site} account and signed you out everywhere. Your old password no longer works.", Site])
            .When(reason.Length > 0, m => m.Paragraph(localizer["The reason given: {reason}", reason]))
            .Paragraph(localizer["Choose a new password here (the link works for one day; after that, ask for a new one on the sign-in page):"])
            .Link(localizer["Choose a new password"], link));

    public MimeMessage SignedOutEverywhere(PlatformUser user, string reason) =>
        Compose(user, () => localizer["You have been signed out of {site}", Site], b => b
            .Paragraph(localizer["Hello {name},", user.DisplayName])
            .Paragraph(localizer["A platform administrator has signed your {site} account out on every device. Sign in again to continue; your password is unchanged.", Site])
            .When(reason.Length > 0, m => m.Paragraph(localizer["The reason given: {reason}", reason]))
            .Paragraph(localizer["If you did not expect this, consider choosing a new password."]));

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

    // The subject, like the body, is written inside the recipient's culture, hence a function.
    private MimeMessage Compose(PlatformUser user, Func<LocalizedString> subject, Func<MailBody, MailBody> write)
    {
        var locale = Locale.For(user.Language, user.Culture, null);
        return locale.Render(() =>
        {
            var body = write(new MailBody()).Paragraph(localizer["This message was sent by {site}.", Site]);
            var message = new MimeMessage { Subject = subject().Value };
            message.To.Add(new MailboxAddress(MailText.Clean(user.DisplayName), user.Email!));
            message.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html }.ToMessageBody();
            // Says which language the mail is written in (RFC 3282), so mail clients offer the right spelling and speech.
            message.Body.Headers.Add(HeaderId.ContentLanguage, locale.Language.Name);
            return message;
        });
    }
}
