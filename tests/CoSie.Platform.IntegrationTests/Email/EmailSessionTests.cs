using System.Net;
using System.Net.Sockets;
using CoSie.Platform.Web.Email;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoSie.Platform.IntegrationTests.Email;

public sealed class EmailSessionTests
{
    // A server that takes the connection and never says a word (a hung or blackholed relay) fails the send after the
    // configured timeout, instead of holding the worker for MailKit's default two minutes per reply.
    [Fact]
    public async Task A_server_that_never_answers_fails_the_send_after_the_configured_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var settings = new EmailOptions
        {
            SmtpHost = "127.0.0.1",
            SmtpPort = port,
            SmtpSecurity = MailKit.Security.SecureSocketOptions.None,
            SmtpTimeoutSeconds = 1,
        };
        await using var session = new EmailSession(settings, TimeProvider.System, NullLogger.Instance);
        var message = new MimeKit.MimeMessage { Subject = "Nobody answers" };
        message.To.Add(MimeKit.MailboxAddress.Parse("someone@cosie.test"));

        var sending = session.SendAsync(message);
        using var accepted = await silent.AcceptTcpClientAsync();
        // Far below MailKit's default of 120 s, far above the configured 1 s even on a loaded machine.
        var finished = await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(sending, finished);
        await Assert.ThrowsAsync<TimeoutException>(() => sending);
    }
}
