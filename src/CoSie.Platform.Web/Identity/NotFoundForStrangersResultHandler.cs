using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CoSie.Platform.Web.Identity;

// Someone signed in who is not a member of this institution gets 404, never 403: a refusal must not
// confirm that the thing exists. Anyone else signed in but refused gets a plain 403 (rendered by the status
// code pages) instead of the cookie handler's redirect: "not allowed" is the honest answer there, and a
// redirect would turn it into a 200 page that tools and tests cannot tell from success.
public sealed class NotFoundForStrangersResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var strangerHere = context.RequestServices.GetRequiredService<TenantContext>().HasInstitution
                && await context.RequestServices.GetRequiredService<CurrentMembership>().GetAsync(context.User, context.RequestAborted) is null;
            context.Response.StatusCode = strangerHere ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
