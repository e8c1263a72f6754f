using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace CoSie.Platform.Web.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@cosie.localhost";
    [Required]
    public string FromName { get; set; } = "CoSIE";

    // Without an SMTP host, messages are written to this folder as .eml files (development and demos).
    [Required]
    public string PickupDirectory { get; set; } = ".data/mail";

    public string? SmtpHost { get; set; }
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }

    // A server that does not answer must not hold a worker for long: MailKit waits two minutes for each reply by
    // default and connecting has no limit at all. A digest batch renews its lease only between messages, so one
    // message must take well under half the lease (see DigestDispatcher).
    [Range(1, 600)]
    public int SmtpConnectTimeoutSeconds { get; set; } = 15;
    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; set; } = 30;
}
