using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Identity;

// Refuses the passwords that guessing attacks try first: the 30,000 most frequent passwords of a published breach
// corpus (common-passwords.txt, source and licence beside it), also padded to length with digits or symbols at either
// end ("password1234", "Sunshine!!!!!!"), spelled with @, 0, $ and 1, or lengthened by a few letters
// ("qwertyuiopas"); repeats; and the person's own email or name.
// REVIEW: a breached-password service (k-anonymity) would catch far more than a shipped list.
public sealed class CommonPasswordValidator(IStringLocalizer<CommonPasswordValidator> localizer) : IPasswordValidator<PlatformUser>
{
    // A common password lengthened by up to this many characters at one end is still common, when what it starts from
    // is long enough to be the point of the password.
    internal const string ResourceName = "Identity.common-passwords.txt";

    private const int Lengthening = 3;
    private const int LengthenedFrom = 6;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

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
        if (IsCommon(lowered, core) || IsRepetition(lowered))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = localizer["This password is one of the most common ones and easy to guess. Choose another, for example a few unrelated words."],
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsCommon(string lowered, string core)
    {
        var common = Common.Value;
        // "$uperman2026": a symbol that spells a letter at the start would otherwise be trimmed as padding.
        var spelled = Normalize(lowered.Replace('$', 's').Replace('@', 'a'));
        return common.Contains(lowered) || common.Contains(core) || common.Contains(spelled)
            || IsLengthened(lowered, common) || IsLengthened(core, common);
    }

    private static bool IsLengthened(string password, FrozenSet<string> common)
    {
        for (var cut = 1; cut <= Lengthening && password.Length - cut >= LengthenedFrom; cut++)
        {
            if (common.Contains(password[..^cut]) || common.Contains(password[cut..]))
            {
                return true;
            }
        }
        return false;
    }

    // Each entry as it is and as Normalize makes it, so that a padded or respelled password meets its original.
    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim().ToLowerInvariant();
            if (entry.Length == 0)
            {
                continue;
            }
            entries.Add(entry);
            if (Normalize(entry) is { Length: > 0 } normalized)
            {
                entries.Add(normalized);
            }
        }
        return entries.ToFrozenSet(StringComparer.Ordinal);
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
