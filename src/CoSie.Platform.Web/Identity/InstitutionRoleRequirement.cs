using Microsoft.AspNetCore.Authorization;

namespace CoSie.Platform.Web.Identity;

public sealed record InstitutionRoleRequirement(InstitutionRole Role) : IAuthorizationRequirement;
