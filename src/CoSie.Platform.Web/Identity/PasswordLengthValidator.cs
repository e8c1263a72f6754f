using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Identity;

// Length is what makes a password strong; composition rules only make people write them down.
public sealed class PasswordLengthValidator(IStringLocalizer<Strings> localizer) : IPasswordValidator<PlatformUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        if (password is { Length: > MaxLength })
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = localizer["Use at most {count, plural, one {# character} other {# characters}}.", MaxLength],
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
