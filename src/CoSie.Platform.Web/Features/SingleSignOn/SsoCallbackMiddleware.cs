using CoSie.Platform.Web.Tenancy;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// Names the provider of a callback before authentication runs. The lookup is the institution's own (the tenant
// filter applies), so another institution's provider's callback at this institution's address finds nothing and
// ends as a 404.
public sealed class SsoCallbackMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant, SsoRequest request, PlatformDbContext db)
    {
        if (tenant.HasInstitution && SsoPaths.TryProviderFromCallback(context.Request.Path, out var providerId))
        {
            request.Provider = await db.SignInProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, context.RequestAborted);
        }
        await next(context);
    }
}
