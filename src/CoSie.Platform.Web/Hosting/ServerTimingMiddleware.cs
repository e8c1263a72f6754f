namespace CoSie.Platform.Web.Hosting;

// With Diagnostics:ServerTiming on, each response says how many SQL commands it took and how long they ran
// (Server-Timing, which browsers' developer tools show). Off by default: it tells any client about the server's work.
public sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public const string Setting = "Diagnostics:ServerTiming";

    public Task InvokeAsync(HttpContext context)
    {
        var tally = SqlCommandTally.Start();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append("Server-Timing", tally.ServerTiming());
            return Task.CompletedTask;
        });
        return next(context);
    }

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);
}
