using Microsoft.AspNetCore.Authorization;

namespace CoSie.Platform.Web.Identity;

public sealed class InstitutionRoleHandler(CurrentMembership membership) : AuthorizationHandler<InstitutionRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InstitutionRoleRequirement requirement)
    {
        var member = await membership.GetAsync(context.User);
        if (member is not null && member.Grants(requirement.Role))
        {
            context.Succeed(requirement);
        }
    }
}
