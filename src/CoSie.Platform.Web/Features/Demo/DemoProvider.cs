using CoSie.Platform.Web.Features.SingleSignOn;

namespace CoSie.Platform.Web.Features.Demo;

// With Demo:Provider:Issuer set (the compose dev profile's Keycloak), the demo institution gets that provider, switched
// on: everyone it signs in gets a learner's place in the demo cohort (its group claim "groups": cosie-instructors
// makes an instructor). Running it again changes nothing that exists. Runs with the demo seed, at start, so a wrong
// setting stops the start with a message rather than waiting for someone to press the button.
public sealed class DemoProvider(
    PlatformDbContext db, ProviderSecrets secrets, IConfiguration configuration, TimeProvider clock, ILogger<DemoProvider> logger)
{
    public const string Section = "Demo:Provider";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var section = configuration.GetSection(Section);
        var issuer = section["Issuer"]?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(issuer))
        {
            return;
        }
        var clientId = section["ClientId"]?.Trim();
        var secret = section["ClientSecret"]?.Trim();
        var insecureAllowed = configuration.GetValue($"{SingleSignOnSettings.Section}:{nameof(SingleSignOnSettings.AllowInsecureIssuers)}", false);
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && insecureAllowed)))
        {
            throw new InvalidOperationException(
                $"{Section}:Issuer must be an https:// address (http:// only with SingleSignOn:AllowInsecureIssuers=true), not '{issuer}'.");
        }
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"{Section}:Issuer is set, so {Section}:ClientId and {Section}:ClientSecret must be set too.");
        }
        if (await db.SignInProviders.AnyAsync(p => p.Issuer == issuer, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.SignInProviders.Add(new SignInProvider
        {
            DisplayName = section["Name"] ?? "Demo sign-in (Keycloak)",
            Issuer = issuer,
            ClientId = clientId,
            ProtectedClientSecret = secrets.Protect(secret),
            GroupClaim = "groups",
            RoleMappings = $"* = cohort {DemoDiscussion.CohortName} as learner\ncosie-instructors = cohort {DemoDiscussion.CohortName} as instructor",
            IsEnabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Registered the demo sign-in provider {Issuer} for the demo institution", issuer);
    }
}
