using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.SingleSignOn;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Infrastructure.Oidc;

public static class SsoSeed
{
    // One of the institution's providers, pointing at the test provider (or at any issuer).
    public static Task<SignInProvider> ProviderAsync(
        this PlatformFactory factory, Institution institution, TestIdentityProvider idp, string? issuer = null, bool enabled = true,
        string roleMappings = "", string[]? domains = null, bool requireVerifiedEmail = true, string? name = null) =>
        factory.InInstitutionAsync(institution.Id, async (services, db) =>
        {
            var provider = new SignInProvider
            {
                DisplayName = name ?? $"{institution.Name} login",
                Issuer = issuer ?? idp.IssuerText,
                ClientId = idp.ClientId,
                ProtectedClientSecret = services.GetRequiredService<ProviderSecrets>().Protect(idp.ClientSecret),
                GroupClaim = "groups",
                RoleMappings = roleMappings,
                AllowedEmailDomains = [.. domains ?? []],
                RequireVerifiedEmail = requireVerifiedEmail,
                IsEnabled = enabled,
                CreatedAt = factory.Clock.GetUtcNow(),
                UpdatedAt = factory.Clock.GetUtcNow(),
            };
            db.SignInProviders.Add(provider);
            await db.SaveChangesAsync();
            return provider;
        });
}
