using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Identity;

// Identity's messages in the reader's language, from the catalogue; the codes stay Identity's own.
public sealed class CatalogueIdentityErrorDescriber(IStringLocalizer<Strings> localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), localizer["Something went wrong. Try again."]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), localizer["Someone else changed this account at the same time. Reload the page and try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), localizer["The password is not correct."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), localizer["This link is no longer valid. Ask for a new one."]);

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), localizer["That recovery code does not work."]);

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), localizer["That sign-in is already linked to another account."]);

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), localizer["“{userName}” cannot be used as a sign-in name.", userName ?? string.Empty]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), localizer["“{email}” is not a valid e-mail address.", email ?? string.Empty]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), localizer["An account with {email} already exists.", userName]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), localizer["An account with {email} already exists.", email]);

    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), localizer["“{role}” is not a valid role name.", role ?? string.Empty]);

    public override IdentityError DuplicateRoleName(string role) =>
        Error(nameof(DuplicateRoleName), localizer["The role “{role}” already exists.", role]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), localizer["This account already has a password."]);

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), localizer["This account cannot be locked."]);

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), localizer["The account already has the role “{role}”.", role]);

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), localizer["The account does not have the role “{role}”.", role]);

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), localizer["Use at least {length, plural, one {# character} other {# characters}}; a few unrelated words make a strong password.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars),
            localizer["Use at least {count, plural, one {# different character} other {# different characters}}.", uniqueChars]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), localizer["Use at least one character that is not a letter or a digit."]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), localizer["Use at least one digit (0–9)."]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), localizer["Use at least one lowercase letter."]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), localizer["Use at least one uppercase letter."]);

    private static IdentityError Error(string code, LocalizedString description) => new() { Code = code, Description = description.Value };
}
