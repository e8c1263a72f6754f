using Hangfire.Logging;

namespace CoSie.Platform.Web.Jobs;

// Hangfire keeps one log provider per process, and Hangfire.AspNetCore points it at the logger factory of the last host
// that configured it. When that host stops while another keeps running (several hosts in one process: tests, or a
// host restarted in place), Hangfire would throw ObjectDisposedException wherever it creates a logger, and jobs would
// silently stop being created or run. This provider degrades to no logging instead.
public sealed class DisposalTolerantLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new TolerantLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new TolerantLog(null);
        }
    }

    private sealed class TolerantLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception)
        {
            if (inner is null)
            {
                return false;
            }
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
