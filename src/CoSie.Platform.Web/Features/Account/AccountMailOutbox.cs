using System.Threading.Channels;
using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Tenancy;
using MimeKit;

namespace CoSie.Platform.Web.Features.Account;

// Account mail (confirmation, reset, "someone tried to register", lockout, e-mail change) leaves from here, after the
// answer to the request that wrote it. Mail that needs work of its own before it can be written (the lockout notice
// makes a reset token) is queued as a composer, run here in a scope of the institution it belongs to. Sent during the request, the SMTP round trip would make a form answer slower
// for an address that has an account than for one that has none, and so tell a guesser which addresses exist.
// REVIEW: the queue lives in memory (it holds reset links, which should not sit in a table); stopping the app sends
// what is waiting within the shutdown timeout, and a crash loses it: the person asks for the mail again.
public sealed class AccountMailOutbox(
    EmailSender sender, IServiceScopeFactory scopes, TenantScopes tenants, ILogger<AccountMailOutbox> logger) : BackgroundService
{
    // Far more than one instance writes in the time it takes to send them; beyond it, mail is dropped, not queued.
    private readonly Channel<Item> _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Send(MimeMessage message, string purpose, Guid userId) => Queue(new Item(purpose, userId, message, null, null));

    // The composer returns null when, by the time it runs, there is nothing to send.
    public void Compose(InstitutionInfo? institution, string purpose, Guid userId, Func<IServiceProvider, CancellationToken, Task<MimeMessage?>> compose) =>
        Queue(new Item(purpose, userId, null, compose, institution));

    private void Queue(Item item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            logger.LogError("Dropped the {Purpose} mail for account {UserId}: too many mails are waiting", item.Purpose, item.UserId);
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
            var message = item.Message ?? await ComposeAsync(item, cancellationToken);
            if (message is not null)
            {
                await sender.SendAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send the {Purpose} mail for account {UserId}", item.Purpose, item.UserId);
        }
    }

    private async Task<MimeMessage?> ComposeAsync(Item item, CancellationToken cancellationToken)
    {
        await using var scope = item.Institution is { } institution ? tenants.Enter(institution) : scopes.CreateAsyncScope();
        return await item.Compose!(scope.ServiceProvider, cancellationToken);
    }

    private sealed record Item(
        string Purpose, Guid UserId, MimeMessage? Message, Func<IServiceProvider, CancellationToken, Task<MimeMessage?>>? Compose, InstitutionInfo? Institution);
}
