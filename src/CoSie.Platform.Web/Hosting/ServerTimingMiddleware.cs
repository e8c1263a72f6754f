using System.Globalization;

namespace CoSie.Platform.Web.Hosting;

// With Diagnostics:ServerTiming on, each response says how many SQL commands it took and how long they ran
// (Server-Timing, which browsers' developer tools show). With Diagnostics:ServerTimingAllocations on as well, also how
// many bytes the process allocated meanwhile ("alloc", the whole process, so work running beside the request counts
// too; the bench uses it). Off by default: it tells any client about the server's work.
public sealed class ServerTimingMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string Setting = "Diagnostics:ServerTiming";
    public const string AllocationSetting = "Diagnostics:ServerTimingAllocations";

    private readonly bool _allocations = configuration.GetValue<bool>(AllocationSetting);

    public Task InvokeAsync(HttpContext context)
    {
        var tally = SqlCommandTally.Start();
        var allocated = GC.GetTotalAllocatedBytes();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append("Server-Timing", tally.ServerTiming());
            if (_allocations)
            {
                context.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture, $"alloc;desc=\"{GC.GetTotalAllocatedBytes() - allocated}\""));
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);
}
