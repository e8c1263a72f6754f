namespace CoSie.Platform.Web.Features.Discussions.Live;

// A token bucket per connection: a burst of calls, then a steady rate. A client that calls faster is refused, and one
// that is refused refusalsBeforeClose times within refusalWindow is told its connection closes, and is closed if it
// calls once more.
public sealed class HubCallBucket(int capacity, double perSecond, int refusalsBeforeClose, TimeSpan refusalWindow, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = capacity;
    private DateTimeOffset _last = clock.GetUtcNow();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _refusals;

    public HubCallVerdict Take()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _tokens = Math.Min(capacity, _tokens + Math.Max(0, (now - _last).TotalSeconds) * perSecond);
            _last = now;
            if (_tokens >= 1)
            {
                _tokens--;
                return HubCallVerdict.Allowed;
            }
            if (now - _windowStart >= refusalWindow)
            {
                _windowStart = now;
                _refusals = 0;
            }
            _refusals++;
            return _refusals > refusalsBeforeClose ? HubCallVerdict.Flooding
                : _refusals == refusalsBeforeClose ? HubCallVerdict.LastRefusal
                : _refusals == 1 ? HubCallVerdict.FirstRefusal
                : HubCallVerdict.Refused;
        }
    }
}
