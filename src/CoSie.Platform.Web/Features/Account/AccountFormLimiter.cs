using System.Threading.RateLimiting;

namespace CoSie.Platform.Web.Features.Account;

// The framework's rate limiter in front of AccountFormBudgets, one per client address. The rate limiting middleware
// first tries a synchronous acquire and, when that is not granted, awaits AcquireAsync: the synchronous try always
// defers, so every form is counted once, in the database.
public sealed class AccountFormLimiter(string client, int perMinute, AccountFormBudgets budgets, TimeProvider clock) : RateLimiter
{
    private long _lastUsed = clock.GetTimestamp();

    // Idle limiters are dropped by the partitioned limiter; the budget itself lives on in the database.
    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, clock.GetTimestamp());
        var spend = await budgets.SpendAsync(client, perMinute, cancellationToken);
        return spend.IsAllowed ? Lease.Granted : new Lease(false, spend.RetryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Deferred = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
