using System.Globalization;
using System.Text.Encodings.Web;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Localization;
using MimeKit;

namespace CoSie.Platform.Web.Features.Cohorts;

// The personal invitation a roster upload sends: plain text and HTML, every name passed through MailText and encoded in
// the HTML part.
public sealed class InvitationEmail(EmailSender sender, IStringLocalizer<InvitationEmail> localizer)
{
    public Task SendAsync(CohortInvitation invitation, InvitationContext context, Locale locale, CancellationToken cancellationToken) =>
        sender.SendAsync(Build(invitation, context, locale), cancellationToken);

    // Written in the invited person's language: their account's if they have one, else the institution's.
    public MimeMessage Build(CohortInvitation invitation, InvitationContext context, Locale locale) => locale.Render(() => Compose(invitation, context));

    private MimeMessage Compose(CohortInvitation invitation, InvitationContext context)
    {
        var link = context.LinkFor(invitation);
        var role = localizer.Name(invitation.Role);
        var name = MailText.Clean(invitation.Name);
        var cohort = MailText.Clean(context.CohortName);
        var institution = MailText.Clean(context.InstitutionName);
        var greeting = name.Length == 0 ? localizer["Hello,"].Value : localizer["Hello {name},", name].Value;
        var invites = localizer["{inviter} invites you to join the cohort “{cohort}” of the course “{course}” at {institution}, as {role}.",
            MailText.Clean(context.InviterName), cohort, MailText.Clean(context.CourseTitle), institution, role].Value;
        var action = localizer["Join the cohort"].Value;
        var account = localizer["Sign in or create your account with this e-mail address ({email}): the invitation belongs to it.", MailText.Clean(invitation.Email)].Value;
        var ignore = localizer["If you did not expect this invitation, you can ignore this message."].Value;

        var html = HtmlEncoder.Default;
        var body = new BodyBuilder
        {
            TextBody = string.Join("\n\n", greeting, invites, $"{action}: {link}", account, ignore) + "\n",
            HtmlBody = string.Create(CultureInfo.InvariantCulture, $"""
                <!DOCTYPE html>
                <html lang="{CultureInfo.CurrentUICulture.Name}"><body>
                <p>{html.Encode(greeting)}</p>
                <p>{html.Encode(invites)}</p>
                <p><a href="{html.Encode(link)}">{html.Encode(action)}</a></p>
                <p>{html.Encode(account)}</p>
                <p>{html.Encode(ignore)}</p>
                </body></html>
                """),
        };

        var message = new MimeMessage
        {
            Subject = localizer["Invitation to {cohort} at {institution}", cohort, institution].Value,
            Body = body.ToMessageBody(),
        };
        message.To.Add(new MailboxAddress(name, invitation.Email));
        message.Body.Headers.Add(HeaderId.ContentLanguage, CultureInfo.CurrentUICulture.Name);
        return message;
    }
}
