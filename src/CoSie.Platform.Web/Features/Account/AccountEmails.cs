using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using MimeKit;

namespace CoSie.Platform.Web.Features.Account;

// Every mail the account pages send: a plain-text and an HTML part each, every value a person typed passed through
// MailText and HTML-encoded. Links come from Link (MailLinks: the institution's host name or App:PublicBaseUrl), never
// from the request's Host header, so a mail sent from inside an institution leads back into it and nowhere else.
public sealed class AccountEmails(
    IStringLocalizer<AccountEmails> localizer, AccountMailOutbox outbox, TenantContext tenant, MailLinks links)
{
    private string Site => MailText.Clean(tenant.Institution?.Name ?? "CoSIE");

    // An absolute link to an account page, inside the current institution when there is one.
    public string Link(string page, object? values = null) => links.Page(tenant.Institution, page, values);

    public MimeMessage ConfirmAccount(PlatformUser user, string link) => In(user, () =>
        Compose(user.Email!, user.DisplayName, localizer["Confirm your {site} account", Site],
            b => b.Paragraph(localizer["Hello {name},", user.DisplayName])
                .Paragraph(localizer["Thank you for creating an account on {site}. Confirm that this address is yours, then sign in:", Site])
                .Link(localizer["Confirm my address"], link)
                .Paragraph(localizer["If you did not create an account, ignore this message; nothing happens without the link."])));

    public MimeMessage RegistrationAttempt(PlatformUser user, string signInLink, string forgotPasswordLink) => In(user, () =>
        Compose(user.Email!, user.DisplayName, localizer["Someone tried to register on {site} with your address", Site],
            b => b.Paragraph(localizer["Hello {name},", user.DisplayName])
                .Paragraph(localizer["Someone tried to create a new account on {site} with this email address. You already have an account with it, so nothing was created.", Site])
                .Paragraph(localizer["If it was you, sign in with your existing account:"])
                .Link(localizer["Sign in"], signInLink)
                .Paragraph(localizer["If you have forgotten its password, choose a new one:"])
                .Link(localizer["Reset my password"], forgotPasswordLink)
                .Paragraph(localizer["If it was not you, you can ignore this message. Your account is unchanged."])));

    public MimeMessage ResetPassword(PlatformUser user, string link) => In(user, () =>
        Compose(user.Email!, user.DisplayName, localizer["Choose a new password for {site}", Site],
            b => b.Paragraph(localizer["Hello {name},", user.DisplayName])
                .Paragraph(localizer["Someone asked to reset the password of your {site} account. Choose a new password here (the link works for one day):", Site])
                .Link(localizer["Choose a new password"], link)
                .Paragraph(localizer["If it was not you, ignore this message; your password stays as it is."])));

    // Sent after the request (LockoutNotices), so its link is built as mail from jobs builds its links.
    public MimeMessage AccountLocked(PlatformUser user, string resetLink) => In(user, () =>
        Compose(user.Email!, user.DisplayName, localizer["Your {site} account is locked for now", Site],
            b => b.Paragraph(localizer["Hello {name},", user.DisplayName])
                .Paragraph(localizer["Someone entered a wrong password for your {site} account several times in a row, so it is locked for a while to protect it from guessing. Nobody can sign in to it until then, not even with the right password.", Site])
                .Paragraph(localizer["If it was you, wait a little and try again, or choose a new password now; with a new password you can sign in at once (the link works for one day):"])
                .Link(localizer["Choose a new password"], resetLink)
                .Paragraph(localizer["If it was not you, your password has not been given away, and the account stays as it is. If you use this password anywhere else, choose a new one here."])));

    public MimeMessage ConfirmEmailChange(PlatformUser user, string newEmail, string link) => In(user, () =>
        Compose(newEmail, user.DisplayName, localizer["Confirm your new address for {site}", Site],
            b => b.Paragraph(localizer["Hello {name},", user.DisplayName])
                .Paragraph(localizer["You asked to sign in to {site} with {email} from now on. Confirm that this address is yours:", Site, newEmail])
                .Link(localizer["Confirm my new address"], link)
                .Paragraph(localizer["Until you do, your account keeps its current address. If you did not ask for this, ignore this message."])));

    public MimeMessage EmailChanged(PlatformUser user, string oldEmail, string newEmail) => In(user, () =>
        Compose(oldEmail, user.DisplayName, localizer["Your {site} sign-in address has changed", Site],
            b => b.Paragraph(localizer["Hello {name},", user.DisplayName])
                .Paragraph(localizer["Your {site} account now signs in with {email} instead of this address.", Site, newEmail])
                .Paragraph(localizer["If you did not make this change, reply to this message or contact your institution's administrator at once."])));

    // The owner of an account chose to confirm by mail that a provider's sign-in with this address is theirs.
    public MimeMessage ConfirmProviderLink(PlatformUser user, string providerName, string link) => In(user, () =>
        Compose(user.Email!, user.DisplayName, localizer["Link {provider} to your {site} account", MailText.Clean(providerName), Site],
            b => b.Paragraph(localizer["Hello {name},", user.DisplayName])
                .Paragraph(localizer["Someone signed in to {site} through {provider} with this address and asked to use that sign-in for your account from now on. If it was you, confirm here (the link works once, for one day):", Site, MailText.Clean(providerName)])
                .Link(localizer["Link and sign in"], link)
                .Paragraph(localizer["If it was not you, ignore this message; nothing is linked without the link, and your account stays as it is."])));

    // The mail leaves after the answer to this request (AccountMailOutbox), so mail trouble never turns into an error
    // page that tells a stranger more than the normal answer would.
    public void Send(MimeMessage message, string purpose, Guid userId) => outbox.Send(message, purpose, userId);

    // The confirmation mail of an account still waiting for it, whose link carries the email confirmation token.
    public void SendConfirmation(PlatformUser user, string token, string purpose) =>
        Send(ConfirmAccount(user, Link("/Account/ConfirmEmail", new { userId = user.Id, code = AccountTokens.Encode(token) })), purpose, user.Id);

    // Written in the recipient's language and formats, whoever's request sends it.
    private MimeMessage In(PlatformUser user, Func<MimeMessage> compose) =>
        Locale.For(user.Language, user.Culture, tenant.Institution?.DefaultCulture).Render(compose);

    private MimeMessage Compose(string toAddress, string toName, string subject, Func<MailBody, MailBody> write)
    {
        var body = write(new MailBody())
            .Paragraph(localizer["This message was sent by {site}.", Site]);
        var message = new MimeMessage { Subject = subject };
        message.To.Add(new MailboxAddress(MailText.Clean(toName), toAddress));
        message.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html }.ToMessageBody();
        // Says which language the mail is written in (RFC 3282), so mail clients offer the right spelling and speech.
        message.Body.Headers.Add(HeaderId.ContentLanguage, System.Globalization.CultureInfo.CurrentUICulture.Name);
        return message;
    }
}
