using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CoSie.Platform.Web.Identity;

// Refuses the passwords that guessing attacks try first: the long ones on public leak lists, the short favourites
// padded to length ("password1234", "Monkey!!!!!!"), keyboard walks, repeats, and the person's own email or name.
// REVIEW: a small embedded list on purpose; a breached-password service (k-anonymity) would catch far more.
public sealed class CommonPasswordValidator(IStringLocalizer<CommonPasswordValidator> localizer) : IPasswordValidator<PlatformUser>
{
    // Long passwords that appear on leak lists as they are.
    private static readonly FrozenSet<string> Common = new[]
    {
        "123456789012", "1234567890123", "12345678901234", "123456789012345", "1234567890123456",
        "123456123456", "123123123123", "121212121212", "123412341234", "123451234512345", "112233445566",
        "111222333444", "123456654321", "987654321098", "098765432109", "0987654321098", "147258369147",
        "159753159753", "147852369147", "789456123789", "741852963741", "123698745123", "135792468013",
        "1234567890qwerty", "qwerty1234567890", "1234567890abc", "abc1234567890", "1234567890asdf",
        "qwertyuiopas", "qwertyuiopasd", "qwertyuiopasdf", "qwertyuiopasdfgh", "qwertyuiopasdfghjkl",
        "qwertyuiop12", "qwertyuiop123", "qwertyuiop1234", "qwertyuiop[]", "asdfghjkl123", "asdfghjkl1234",
        "asdfghjklqwe", "asdfghjklzxc", "asdfasdfasdf", "asdfghjkl;'", "zxcvbnm12345", "zxcvbnm123456",
        "zxcvbnmasdfgh", "zxcvbnmasdfghjkl", "qwertyasdfgh", "qwertyasdfghzxcvbn", "qweasdzxc123",
        "qweasdzxcqwe", "qwe123qwe123", "qwer1234qwer", "qwerasdfzxcv", "1234qwerasdf", "1234qwerasdfzxcv",
        "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "1qaz2wsx3edc4rfv5tgb", "!qaz2wsx3edc", "1qaz@wsx3edc",
        "qazwsxedcrfv", "qazwsxedcrfvtgb", "qazwsxedc123", "zaq12wsxcde3", "zaq1xsw2cde3", "1q2w3e4r5t6y",
        "1q2w3e4r5t6y7u", "1q2w3e4r5t6y7u8i", "q1w2e3r4t5y6", "q1w2e3r4t5y6u7", "a1b2c3d4e5f6",
        "1a2b3c4d5e6f", "abcdefghijkl", "abcdefghijklm", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz",
        "abcd1234abcd", "abcd12345678", "abc123abc123", "abc123456789", "aa123456789a", "zyxwvutsrqpo",
        "passwordpassword", "password1234", "password12345", "password123456", "password123!",
        "password!123", "password2024", "password2025", "password2026", "passw0rd1234", "p@ssw0rd1234",
        "p@ssword1234", "pa$$word1234", "pa55word1234", "mypassword123", "mypassword1234", "mynewpassword",
        "newpassword123", "newpassword1234", "thisismypassword", "thisisapassword", "secretpassword",
        "supersecretpassword", "verysecurepassword", "strongpassword", "strongpassword1", "securepassword",
        "securepassword1", "defaultpassword", "rootpassword", "adminpassword", "administrator",
        "administrator1", "administrator123", "adminadmin123", "admin1234567", "admin12345678", "changeme1234",
        "changemenow!", "changeme123!", "letmein12345", "letmein123456", "letmeinplease", "letmeinnow123",
        "welcome12345", "welcome123456", "welcometo2024", "welcomehome1", "iloveyou1234", "iloveyou12345",
        "iloveyouforever", "iloveyousomuch", "iloveyou2024", "iloveyoubaby", "iloveyoumom1", "ihateyou1234",
        "trustno1trustno1", "trustnoone123", "monkey123456", "dragon123456", "football1234", "baseball1234",
        "basketball12", "basketball123", "sunshine1234", "princess1234", "superman1234", "starwars1234",
        "qwerty123456", "qwertyqwerty", "qwerty1qwerty", "1qwerty123456", "whatever1234", "computer1234",
        "internet1234", "michael12345", "jennifer1234", "charlie12345", "liverpool123", "manchester123",
        "manchesterunited", "chelsea12345", "barcelona123", "realmadrid123", "juventus1234", "arsenal12345",
        "pokemon12345", "minecraft123", "fortnite1234", "spiderman123", "batman123456", "harrypotter1",
        "harrypotter123", "starwars12345", "blink1821234", "ncc1701ncc1701", "correcthorse", "testtesttest",
        "test12345678", "testing12345", "guest1234567", "useruseruser", "user12345678", "login1234567",
        "loginlogin12", "summer123456", "winter123456", "spring123456", "autumn123456", "september123",
        "december1234", "cosie1234567", "cosieplatform",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Short favourites that people lengthen with digits or symbols at either end, or spell with @, 0, $ and 1.
    private static readonly FrozenSet<string> CommonWords = new[]
    {
        "password", "passwort", "motdepasse", "contraseña", "salasana", "haslo", "wachtwoord", "senha",
        "qwerty", "qwertz", "azerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "qazwsx",
        "qwerasdf", "iloveyou", "letmein", "welcome", "admin", "administrator", "root", "guest", "test",
        "testing", "user", "login", "default", "changeme", "secret", "monkey", "dragon", "master", "shadow",
        "sunshine", "princess", "football", "baseball", "soccer", "hockey", "superman", "batman", "starwars",
        "pokemon", "whatever", "freedom", "hello", "trustno", "abc", "abcdef", "computer", "internet", "michael",
        "jennifer", "charlie", "jordan", "thomas", "daniel", "andrew", "jessica", "ashley", "summer", "winter",
        "liverpool", "chelsea", "arsenal", "barcelona", "juventus", "killer", "hunter", "ranger", "mustang",
        "cheese", "flower", "access", "cosie",
    }.Select(Normalize).ToFrozenSet(StringComparer.Ordinal);

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.Trim().ToLowerInvariant();
        var core = Normalize(lowered);
        if (IsPersonal(core, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordMatchesPersonalInfo",
                Description = localizer["Choose a password that is not your email address or your name."],
            }));
        }
        if (Common.Contains(lowered) || CommonWords.Contains(core) || IsRepetition(lowered))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = localizer["This password is one of the most common ones and easy to guess. Choose another, for example a few unrelated words."],
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsPersonal(string core, PlatformUser user)
    {
        if (core.Length == 0)
        {
            return false;
        }
        var email = user.Email?.Trim().ToLowerInvariant() ?? string.Empty;
        var localPart = email.Split('@')[0];
        var name = user.DisplayName.Trim().ToLowerInvariant();
        string[] personal = [email, localPart, name, name.Replace(" ", string.Empty, StringComparison.Ordinal)];
        return personal.Select(Normalize).Any(p => p.Length >= 3 && p == core);
    }

    // "aaaaaaaaaaaa", "abcabcabcabc", "1234123412341234": a unit of up to four characters said again and again.
    private static bool IsRepetition(string password)
    {
        for (var unit = 1; unit <= 4 && unit < password.Length; unit++)
        {
            var repeats = true;
            for (var i = unit; i < password.Length && repeats; i++)
            {
                repeats = password[i] == password[i % unit];
            }
            if (repeats)
            {
                return true;
            }
        }
        return false;
    }

    // Lower case, without padding of digits, punctuation and spaces at either end, with the usual substitutions undone.
    private static string Normalize(string value)
    {
        var trimmed = value.ToLowerInvariant().Trim().AsSpan().Trim("0123456789!@#$%^&*()-_=+.,;:?/\\|'\"`~[]{}<> ");
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            builder.Append(c switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '$' or '5' => 's',
                '3' => 'e',
                '1' or '!' => 'i',
                '7' => 't',
                _ => c,
            });
        }
        return builder.ToString();
    }
}
