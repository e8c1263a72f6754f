using CoSie.Platform.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Outbox;

// Drains the discussion outbox in the background: woken by this instance's commits (OutboxSignal), and every
// OutboxPollSeconds looking for entries of any institution (written on another instance, or left by a stop or a
// failure). Each institution is delivered in a scope of its own, under its row-level security.
public sealed class OutboxWorker(
    OutboxSignal signal,
    IServiceScopeFactory scopeFactory,
    TenantScopes scopes,
    InstitutionDirectory institutions,
    IOptions<DiscussionOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.OutboxPollSeconds);
        var pollDue = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<Guid> named = [];
                if (DateTimeOffset.UtcNow >= pollDue)
                {
                    named = await PendingInstitutionsAsync(stoppingToken);
                    pollDue = DateTimeOffset.UtcNow + poll;
                }
                foreach (var institutionId in named)
                {
                    await DeliverAsync(institutionId, waitForOthers: false, stoppingToken);
                }
                foreach (var institutionId in await signal.WaitAsync(pollDue - DateTimeOffset.UtcNow, stoppingToken))
                {
                    await DeliverAsync(institutionId, waitForOthers: false, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The discussion outbox could not be read; trying again at the next poll");
                try
                {
                    await Task.Delay(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Delivers an institution's pending entries now; returns how many. Tests call it with waitForOthers to know that
    // every entry committed before the call is delivered.
    public async Task<int> DeliverAsync(Guid institutionId, bool waitForOthers, CancellationToken cancellationToken)
    {
        if (await institutions.FindByIdAsync(institutionId, cancellationToken) is not { } institution)
        {
            return 0;
        }
        await using var scope = scopes.Enter(institution);
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAllAsync(waitForOthers, cancellationToken);
    }

    // The institutions with entries waiting: a read across institutions, which row-level security allows for reads only.
    private async Task<IReadOnlyList<Guid>> PendingInstitutionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.AcrossInstitutionsAsync(across => across.DiscussionOutbox.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(e => e.Attempts < DiscussionOutboxEntry.MaxAttempts)
            .Select(e => e.InstitutionId).Distinct().ToListAsync(cancellationToken), cancellationToken);
    }
}
