using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Identity;

// Every change to an account is saved through here, so this is the one place that notices a change which ends the
// account's sessions: a renewed security stamp (signing out, a new or reset password, a new email address, "sign out
// everywhere"), disabling it, deleting it. Once the change is saved, the sessions end on every instance.
public sealed class PlatformUserManager(
    IUserStore<PlatformUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PlatformUser> passwordHasher,
    IEnumerable<IUserValidator<PlatformUser>> userValidators,
    IEnumerable<IPasswordValidator<PlatformUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PlatformUser>> logger,
    PlatformDbContext db,
    ISessionEnder sessions)
    : UserManager<PlatformUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(PlatformUser user)
    {
        var endsSessions = EndsSessions(user);
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded && endsSessions)
        {
            await sessions.EndSessionsAsync(user.Id);
        }
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(PlatformUser user)
    {
        var result = await base.DeleteAsync(user);
        if (result.Succeeded)
        {
            await sessions.EndSessionsAsync(user.Id);
        }
        return result;
    }

    // Compared with the values the account was read with (the store shares this scope's context). An account that
    // was not read here cannot be compared, so its change is taken to end its sessions.
    private bool EndsSessions(PlatformUser user)
    {
        var entry = db.Entry(user);
        if (entry.State == EntityState.Detached)
        {
            return true;
        }
        return !string.Equals(entry.Property(u => u.SecurityStamp).OriginalValue, user.SecurityStamp, StringComparison.Ordinal)
            || (user.IsDisabled && !entry.Property(u => u.IsDisabled).OriginalValue);
    }
}
