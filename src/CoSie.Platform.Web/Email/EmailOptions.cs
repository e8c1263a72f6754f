using MailKit.Security;

namespace CoSie.Platform.Web.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "no-reply@cosie.localhost";
    public string FromName { get; set; } = "CoSIE";

    // Without an SMTP host, messages are written to this folder as .eml files (development and demos).
    public string PickupDirectory { get; set; } = ".data/mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }
}
