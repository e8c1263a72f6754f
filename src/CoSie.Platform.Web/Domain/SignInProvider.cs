namespace CoSie.Platform.Web.Domain;

// An institution's OpenID Connect provider. Its people are identified by (this provider, the provider's `sub`), never
// by e-mail alone; another institution's provider with the same issuer is another provider, so trust is never shared
// between institutions unless each configures it.
public sealed class SignInProvider : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string DisplayName { get; set; }

    // The issuer, whose /.well-known/openid-configuration describes the provider.
    public required string Issuer { get; set; }
    public required string ClientId { get; set; }

    // The client secret, encrypted with Data Protection (SingleSignOn/ProviderSecrets); never shown again.
    public string? ProtectedClientSecret { get; set; }
    public string Scopes { get; set; } = "openid profile email";
    public string EmailClaim { get; set; } = "email";
    public string NameClaim { get; set; } = "name";

    // Microsoft Entra ID sends no email_verified; an institution may trust its own directory's addresses.
    public bool RequireVerifiedEmail { get; set; } = true;

    // The claim (such as "groups" or "eduPersonAffiliation") whose values RoleMappings turns into institution roles.
    public string? GroupClaim { get; set; }

    // One "value = role" per line; "* = learner" gives everyone who signs in through the provider that role. A line
    // "value = cohort {cohort id or name} as learner|instructor" gives a place in one of the institution's cohorts.
    public string RoleMappings { get; set; } = string.Empty;
    public List<string> AllowedEmailDomains { get; set; } = [];

    // Switched on after a test sign-in has shown what the provider sends; only then is it offered on the sign-in page.
    public bool IsEnabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // Bumped by every change: cached provider settings are rebuilt when it moves.
    public DateTimeOffset UpdatedAt { get; set; }

    // The name of its rows in AspNetUserLogins.
    public string LoginProvider => LoginProviderFor(Id);

    public static string LoginProviderFor(Guid providerId) => "sso:" + providerId.ToString("N");

    public bool AllowsEmail(string email)
    {
        if (AllowedEmailDomains.Count == 0)
        {
            return true;
        }
        var at = email.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : email[(at + 1)..];
        return AllowedEmailDomains.Any(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase));
    }

    // The highest role that the person's group values map to, or null where none does.
    public InstitutionRole? RoleFor(IEnumerable<string> groups)
    {
        var values = groups.ToHashSet(StringComparer.Ordinal);
        InstitutionRole? best = null;
        foreach (var (value, role) in ParseRoleMappings(RoleMappings))
        {
            if ((value == "*" || values.Contains(value)) && (best is null || role > best))
            {
                best = role;
            }
        }
        return best;
    }

    // Lines that are not "value = learner|instructor|admin" are reported by the admin page and skipped here.
    public static IEnumerable<(string Value, InstitutionRole Role)> ParseRoleMappings(string mappings)
    {
        foreach (var line in mappings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.LastIndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var value = line[..equals].Trim();
            if (value.Length > 0 && Enum.TryParse<InstitutionRole>(line[(equals + 1)..].Trim(), ignoreCase: true, out var role)
                && Enum.IsDefined(role))
            {
                yield return (value, role);
            }
        }
    }

    public const string CohortPrefix = "cohort ";
    private const string CohortRoleSeparator = " as ";

    // The cohorts (as the admin named them: id or name) and roles that the person's group values map to.
    public IEnumerable<(string Cohort, CohortRole Role)> CohortsFor(IEnumerable<string> groups)
    {
        var values = groups.ToHashSet(StringComparer.Ordinal);
        return ParseCohortMappings(RoleMappings)
            .Where(m => m.Value == "*" || values.Contains(m.Value))
            .GroupBy(m => m.Cohort, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Max(m => m.Role)));
    }

    // Lines "value = cohort {id or name} as learner|instructor"; others are skipped here (see ParseRoleMappings).
    public static IEnumerable<(string Value, string Cohort, CohortRole Role)> ParseCohortMappings(string mappings)
    {
        foreach (var line in mappings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var value = line[..equals].Trim();
            var target = line[(equals + 1)..].Trim();
            var separator = target.LastIndexOf(CohortRoleSeparator, StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || !target.StartsWith(CohortPrefix, StringComparison.OrdinalIgnoreCase) || separator < CohortPrefix.Length)
            {
                continue;
            }
            var cohort = target[CohortPrefix.Length..separator].Trim();
            var role = target[(separator + CohortRoleSeparator.Length)..].Trim();
            if (cohort.Length > 0 && (role.Equals("learner", StringComparison.OrdinalIgnoreCase) || role.Equals("instructor", StringComparison.OrdinalIgnoreCase)))
            {
                yield return (value, cohort, role.Equals("learner", StringComparison.OrdinalIgnoreCase) ? CohortRole.Learner : CohortRole.Instructor);
            }
        }
    }
}
