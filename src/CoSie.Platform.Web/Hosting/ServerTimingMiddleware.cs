using System.Globalization;

namespace CoSie.Platform.Web.Hosting;

// With Diagnostics:ServerTiming on, each response says how many SQL commands it took and how long they ran, and how
// many bytes the process allocated meanwhile (Server-Timing, which browsers' developer tools show; "alloc" counts the
// whole process, so work running beside the request counts too). Off by default: it tells any client about the
// server's work.
public sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public const string Setting = "Diagnostics:ServerTiming";

    public Task InvokeAsync(HttpContext context)
    {
        var tally = SqlCommandTally.Start();
        var allocated = GC.GetTotalAllocatedBytes();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append("Server-Timing", tally.ServerTiming());
            context.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture, $"alloc;desc=\"{GC.GetTotalAllocatedBytes() - allocated}\""));
            return Task.CompletedTask;
        });
        return next(context);
    }

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);
}
