using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CoSie.Platform.Web.Identity;

// Someone signed in who is not a member of this institution gets 404, never 403: a refusal must not
// confirm that the thing exists.
public sealed class NotFoundForStrangersResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && context.RequestServices.GetRequiredService<TenantContext>().HasInstitution
            && await context.RequestServices.GetRequiredService<CurrentMembership>().GetAsync(context.User, context.RequestAborted) is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
