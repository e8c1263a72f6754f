namespace CoSie.Platform.Web.Features.Demo;

public sealed record DemoPerson(string Email, string Name, InstitutionRole? Role, bool PlatformAdmin = false);
