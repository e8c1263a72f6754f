using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace CoSie.Platform.Web.Tenancy;

// Resolves the institution once per request: a bound host name wins; otherwise the first path segment,
// which moves into PathBase so that "~/" links and redirects stay inside the institution.
public sealed class TenantResolutionMiddleware(RequestDelegate next, InstitutionDirectory directory, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        InstitutionInfo? institution;
        try
        {
            institution = await ResolveAsync(context);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex) && context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The error page of a request that failed because the database is away, which has not read the institutions
            // yet either: it is answered without an institution rather than not at all.
            logger.LogWarning(ex, "The institution of {Path} could not be resolved for its error page: the database is unavailable", context.Request.Path);
            await next(context);
            return;
        }

        if (institution is null)
        {
            await next(context);
            return;
        }

        tenant.Set(institution);
        using (logger.BeginScope(new Dictionary<string, object> { ["Institution"] = institution.Slug }))
        {
            await next(context);
        }
    }

    private async Task<InstitutionInfo?> ResolveAsync(HttpContext context)
    {
        var institution = await directory.FindByHostAsync(context.Request.Host.Host, context.RequestAborted);
        if (institution is null && TryFirstSegment(context.Request.Path, out var segment, out var rest))
        {
            institution = await directory.FindBySlugAsync(segment, context.RequestAborted);
            if (institution is not null)
            {
                context.Request.PathBase = context.Request.PathBase.Add("/" + institution.Slug);
                context.Request.Path = rest;
            }
        }
        return institution;
    }

    private static bool TryFirstSegment(PathString path, out string segment, out PathString rest)
    {
        segment = string.Empty;
        rest = PathString.Empty;
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2)
        {
            return false;
        }
        var end = value.IndexOf('/', 1);
        segment = end < 0 ? value[1..] : value[1..end];
        rest = end < 0 ? new PathString("/") : new PathString(value[end..]);
        return segment.Length > 0;
    }
}
