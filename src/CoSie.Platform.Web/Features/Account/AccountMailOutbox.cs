using System.Threading.Channels;
using CoSie.Platform.Web.Email;
using MimeKit;

namespace CoSie.Platform.Web.Features.Account;

// Account mail (confirmation, reset, "someone tried to register", lockout, e-mail change) leaves from here, after the
// answer to the request that wrote it. Sent during the request, the SMTP round trip would make a form answer slower
// for an address that has an account than for one that has none, and so tell a guesser which addresses exist.
// REVIEW: the queue lives in memory (it holds reset links, which should not sit in a table); stopping the app sends
// what is waiting within the shutdown timeout, and a crash loses it: the person asks for the mail again.
public sealed class AccountMailOutbox(EmailSender sender, ILogger<AccountMailOutbox> logger) : BackgroundService
{
    // Far more than one instance writes in the time it takes to send them; beyond it, mail is dropped, not queued.
    private readonly Channel<Item> _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Send(MimeMessage message, string purpose, Guid userId)
    {
        if (!_queue.Writer.TryWrite(new Item(message, purpose, userId)))
        {
            logger.LogError("Dropped the {Purpose} mail for account {UserId}: too many mails are waiting", purpose, userId);
        }
    }

    // A few at once, so that one slow or unreachable mail server conversation does not hold up every mail behind it.
    private const int SendersAtOnce = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Parallel.ForEachAsync(
                _queue.Reader.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = SendersAtOnce, CancellationToken = stoppingToken },
                async (item, cancellationToken) => await DeliverAsync(item, cancellationToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // What is still waiting goes out before the app stops, for as long as the host's shutdown timeout allows.
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested && _queue.Reader.TryRead(out var item))
        {
            await DeliverAsync(item, cancellationToken);
        }
    }

    private async Task DeliverAsync(Item item, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(item.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send the {Purpose} mail for account {UserId}", item.Purpose, item.UserId);
        }
    }

    private sealed record Item(MimeMessage Message, string Purpose, Guid UserId);
}
