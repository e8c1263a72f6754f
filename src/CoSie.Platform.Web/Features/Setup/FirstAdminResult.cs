namespace CoSie.Platform.Web.Features.Setup;

// Errors are Identity's descriptions of a refused account (the password validators word them); the address of an
// existing account is refused with ExistingAccount (AccountExists), for the page to say in the reader's language.
public sealed record FirstAdminResult(PlatformUser? Admin, bool AlreadySetUp, bool AccountExists, IReadOnlyList<string> Errors)
{
    public static readonly FirstAdminResult NotNeeded = new(null, true, false, []);

    public static readonly FirstAdminResult ExistingAccount = new(null, false, true, []);

    public bool Succeeded => Admin is not null;

    public static FirstAdminResult Created(PlatformUser admin) => new(admin, false, false, []);

    public static FirstAdminResult Failed(params IEnumerable<string> errors) => new(null, false, false, [.. errors]);
}
