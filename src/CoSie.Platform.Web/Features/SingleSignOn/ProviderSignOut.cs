using System.Security.Claims;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// RP-initiated logout: where a session came from a provider that offers an end_session_endpoint, signing out here
// sends the person on to end their session there too, and back to the provider's institution's "signed out" page.
// A provider that cannot be reached or offers no logout leaves the person signed out here only.
public sealed class ProviderSignOut(
    PlatformDbContext db,
    TenantContext tenant,
    InstitutionDirectory institutions,
    ProviderOptionsCache cache,
    ILogger<ProviderSignOut> logger)
{
    public string? ProviderName { get; private set; }

    // Read before the local sign-out, which forgets the session.
    public async Task<Func<Task<string?>>?> PrepareAsync(HttpContext http, ClaimsPrincipal user)
    {
        if (!Guid.TryParseExact(user.FindFirstValue(PlatformClaims.SignInProvider), "N", out var providerId))
        {
            return null;
        }
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var idToken = session.Properties?.GetTokenValue("id_token");
        // The session is global; the provider may be another institution's than the one the person signs out in.
        var provider = await db.AcrossInstitutionsAsync(d => d.SignInProviders.AsNoTracking().IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .SingleOrDefaultAsync(p => p.Id == providerId, http.RequestAborted));
        if (provider is null)
        {
            return null;
        }
        ProviderName = provider.DisplayName;
        return async () =>
        {
            try
            {
                var configuration = await cache.For(provider).ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
                if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
                {
                    return null;
                }
                var basePath = await InstitutionBaseAsync(http, provider.InstitutionId);
                var query = new Dictionary<string, string?>
                {
                    ["client_id"] = provider.ClientId,
                    ["post_logout_redirect_uri"] = $"{http.Request.Scheme}://{http.Request.Host}{basePath}{SsoPaths.SignedOut}",
                };
                if (idToken is not null)
                {
                    query["id_token_hint"] = idToken;
                }
                return QueryHelpers.AddQueryString(configuration.EndSessionEndpoint, query);
            }
            catch (Exception ex) when (SignInRefusals.Classify(ex) == SignInRefusal.ProviderUnavailable && !http.RequestAborted.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Provider {ProviderId} ({Issuer}) could not be reached to end its session; signed out here only", provider.Id, provider.Issuer);
                return null;
            }
        };
    }

    private async Task<string> InstitutionBaseAsync(HttpContext http, Guid institutionId)
    {
        if (tenant.Institution?.Id == institutionId)
        {
            return http.Request.PathBase;
        }
        var institution = await institutions.FindByIdAsync(institutionId, http.RequestAborted);
        return institution is null || institution.HostNames.Contains(http.Request.Host.Host, StringComparer.OrdinalIgnoreCase)
            ? string.Empty
            : "/" + institution.Slug;
    }
}
