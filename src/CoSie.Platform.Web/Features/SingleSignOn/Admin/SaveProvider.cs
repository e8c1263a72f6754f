using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.SingleSignOn.Admin;

// Creates or changes one of the institution's providers from the form, or says per field what is wrong and changes
// nothing.
public sealed class SaveProvider(
    PlatformDbContext db,
    ProviderSecrets secrets,
    TimeProvider clock,
    IOptions<SingleSignOnSettings> settings,
    ProviderCohorts cohorts,
    IStringLocalizer<SaveProvider> localizer)
{
    public static ProviderInput InputFrom(SignInProvider provider) => new()
    {
        DisplayName = provider.DisplayName,
        Issuer = provider.Issuer,
        ClientId = provider.ClientId,
        Scopes = provider.Scopes,
        EmailClaim = provider.EmailClaim,
        NameClaim = provider.NameClaim,
        RequireVerifiedEmail = provider.RequireVerifiedEmail,
        GroupClaim = provider.GroupClaim,
        RoleMappings = provider.RoleMappings,
        AllowedEmailDomains = string.Join('\n', provider.AllowedEmailDomains),
        IsEnabled = provider.IsEnabled,
    };

    // Null for a new provider. Returns the saved provider, or null with the problems in modelState.
    public async Task<SignInProvider?> SaveAsync(Guid? id, ProviderInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        SignInProvider? provider = null;
        if (id is { } existing)
        {
            provider = await db.SignInProviders.SingleOrDefaultAsync(p => p.Id == existing, cancellationToken);
            if (provider is null)
            {
                return null;
            }
        }
        var issuer = input.Issuer?.Trim().TrimEnd('/') ?? string.Empty;
        if (!ExternalAddress.TryParse(issuer, settings.Value.AllowInsecureIssuers, allowQuery: false, out _))
        {
            modelState.AddModelError("Input.Issuer", localizer["Enter the issuer as an https:// address without ? or #, such as https://login.example.org/realms/staff."]);
        }
        var domains = (input.AllowedEmailDomains ?? string.Empty)
            .Split(['\n', ',', ' ', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (domains.FirstOrDefault(d => Uri.CheckHostName(d) != UriHostNameType.Dns || !d.Contains('.', StringComparison.Ordinal)) is { } badDomain)
        {
            modelState.AddModelError("Input.AllowedEmailDomains", localizer["“{domain}” is not a domain such as uni.example.org.", badDomain]);
        }
        var mappings = input.RoleMappings ?? string.Empty;
        var badLine = mappings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(line => !SignInProvider.ParseRoleMappings(line).Any() && !SignInProvider.ParseCohortMappings(line).Any());
        if (badLine is not null)
        {
            modelState.AddModelError("Input.RoleMappings", localizer["“{line}” is not a line such as staff = instructor (roles: learner, instructor, admin).", badLine]);
        }
        else if (await CohortProblemAsync(mappings, cancellationToken) is { } cohortProblem)
        {
            modelState.AddModelError("Input.RoleMappings", cohortProblem);
        }
        if (provider is null && string.IsNullOrWhiteSpace(input.ClientSecret))
        {
            modelState.AddModelError("Input.ClientSecret", localizer["Enter the client secret that the provider gave this platform."]);
        }
        if (!modelState.IsValid)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (provider is null)
        {
            provider = new SignInProvider { DisplayName = string.Empty, Issuer = string.Empty, ClientId = string.Empty, CreatedAt = now };
            db.SignInProviders.Add(provider);
        }
        provider.DisplayName = input.DisplayName!.Trim();
        provider.Issuer = issuer;
        provider.ClientId = input.ClientId!.Trim();
        if (!string.IsNullOrWhiteSpace(input.ClientSecret))
        {
            provider.ProtectedClientSecret = secrets.Protect(input.ClientSecret.Trim());
        }
        provider.Scopes = string.Join(' ', input.Scopes!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        provider.EmailClaim = input.EmailClaim!.Trim();
        provider.NameClaim = input.NameClaim!.Trim();
        provider.RequireVerifiedEmail = input.RequireVerifiedEmail;
        provider.GroupClaim = string.IsNullOrWhiteSpace(input.GroupClaim) ? null : input.GroupClaim.Trim();
        provider.RoleMappings = string.Join('\n', mappings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        provider.AllowedEmailDomains = domains;
        provider.IsEnabled = input.IsEnabled;
        provider.UpdatedAt = now > provider.UpdatedAt ? now : provider.UpdatedAt.AddTicks(1);
        await db.SaveChangesAsync(cancellationToken);
        return provider;
    }

    // The first cohort line that names no cohort of this institution, said in words.
    private async Task<string?> CohortProblemAsync(string mappings, CancellationToken cancellationToken)
    {
        foreach (var cohort in SignInProvider.ParseCohortMappings(mappings).Select(m => m.Cohort).Distinct(StringComparer.Ordinal))
        {
            switch ((await cohorts.FindAsync(cohort, cancellationToken)).Finding)
            {
                case ProviderCohortFinding.Unknown:
                    return localizer["This institution has no cohort “{cohort}”. Use the name of one of its cohorts, or the id from the cohort's address.", cohort];
                case ProviderCohortFinding.OtherInstitution:
                    return localizer["“{cohort}” is a cohort of another institution. A provider gives places in this institution's cohorts only.", cohort];
                case ProviderCohortFinding.Ambiguous:
                    return localizer["Several cohorts are named “{cohort}”. Use the id from the address of the one you mean.", cohort];
                case ProviderCohortFinding.Found:
                default:
                    break;
            }
        }
        return null;
    }
}
