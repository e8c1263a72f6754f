using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.Web.Features.Setup;

public sealed record FirstAdminResult(PlatformUser? Admin, bool AlreadySetUp, IReadOnlyList<string> Errors)
{
    public static readonly FirstAdminResult NotNeeded = new(null, true, []);

    public bool Succeeded => Admin is not null;

    public static FirstAdminResult Created(PlatformUser admin) => new(admin, false, []);

    public static FirstAdminResult Failed(params IEnumerable<string> errors) => new(null, false, [.. errors]);
}
