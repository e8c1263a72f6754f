namespace CoSie.Platform.Web.Features.Discussions;

// A token bucket per connection: a burst of calls, then a steady rate. A client that calls faster is refused.
public sealed class HubCallBucket(int capacity, double perSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = capacity;
    private DateTimeOffset _last = clock.GetUtcNow();

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _tokens = Math.Min(capacity, _tokens + Math.Max(0, (now - _last).TotalSeconds) * perSecond);
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }
            _tokens--;
            return true;
        }
    }
}
