using CoSie.Platform.Web.Features.Lti.Framing;
using CoSie.Platform.Web.Features.SingleSignOn;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Lti.Admin;

// Registers or changes one of the institution's platforms from the form, or says per field what is wrong and changes
// nothing.
public sealed class SavePlatform(
    PlatformDbContext db, FramingOrigins framing, TenantContext tenant, TimeProvider clock, IOptions<SingleSignOnSettings> signOn, IStringLocalizer<SavePlatform> localizer)
{
    // Deployment ids are opaque strings of the platform; this bounds each one as the column of a launch would.
    private const int MaxDeploymentIdLength = 255;

    public static PlatformInput InputFrom(LtiPlatform platform) => new()
    {
        DisplayName = platform.DisplayName,
        Issuer = platform.Issuer,
        ClientId = platform.ClientId,
        DeploymentIds = string.Join('\n', platform.DeploymentIds),
        AuthenticationUrl = platform.AuthenticationUrl,
        TokenUrl = platform.TokenUrl,
        KeySetUrl = platform.KeySetUrl,
        FramingOrigin = platform.FramingOrigin,
        IsEnabled = platform.IsEnabled,
    };

    // An origin names who may frame the tool (frame-ancestors): https only, and nothing but scheme, host and port, so
    // that no path, query or wildcard widens or bends the header. Kept as the origin itself, lower case.
    public static string? FramingOriginOf(string? value, out bool valid)
    {
        var text = value?.Trim().TrimEnd('/') ?? string.Empty;
        valid = true;
        if (text.Length == 0)
        {
            return null;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.AbsolutePath == "/"
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0 && !text.Contains('*')
            && uri.HostNameType == UriHostNameType.Dns)
        {
            return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        }
        valid = false;
        return null;
    }

    // Null for a new registration. Returns the saved platform, or null with the problems in modelState.
    public async Task<LtiPlatform?> SaveAsync(Guid? id, PlatformInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        LtiPlatform? platform = null;
        if (id is { } existing)
        {
            platform = await db.LtiPlatforms.SingleOrDefaultAsync(p => p.Id == existing, cancellationToken);
            if (platform is null)
            {
                return null;
            }
        }
        // The same rule as for sign-in providers' issuers (plain http only where the deployment allows it for tests).
        var insecure = signOn.Value.AllowInsecureIssuers;
        // The issuer is compared with the token's `iss` exactly, so it is kept as entered, trailing slash and all.
        var issuer = input.Issuer?.Trim() ?? string.Empty;
        if (!ExternalAddress.TryParse(issuer, insecure, allowQuery: false, out _))
        {
            modelState.AddModelError("Input.Issuer", localizer["Enter the issuer as an https:// address without ? or #, exactly as the platform shows it, such as https://moodle.example.org."]);
        }
        foreach (var (field, value) in new[] { ("AuthenticationUrl", input.AuthenticationUrl), ("TokenUrl", input.TokenUrl), ("KeySetUrl", input.KeySetUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !ExternalAddress.TryParse(value, insecure, allowQuery: true, out _))
            {
                modelState.AddModelError("Input." + field, localizer["Enter a full https:// address without #, as the platform shows it."]);
            }
        }
        var framingOrigin = FramingOriginOf(input.FramingOrigin, out var framingValid);
        if (!framingValid)
        {
            modelState.AddModelError("Input.FramingOrigin", localizer["Enter an https:// origin without a path, such as https://school.instructure.com, or leave it empty."]);
        }
        var deployments = LtiPlatform.ParseDeploymentIds(input.DeploymentIds);
        if (deployments.Count == 0)
        {
            modelState.AddModelError("Input.DeploymentIds", localizer["Enter at least one deployment id."]);
        }
        else if (deployments.FirstOrDefault(d => d.Length > MaxDeploymentIdLength) is { } tooLong)
        {
            modelState.AddModelError("Input.DeploymentIds", localizer["“{deployment}” is longer than {max} characters; a deployment id is short, such as 1 or 42:abc.", tooLong[..20] + "…", MaxDeploymentIdLength]);
        }
        var clientId = input.ClientId?.Trim() ?? string.Empty;
        if (modelState.IsValid && await db.LtiPlatforms.AnyAsync(p => p.Issuer == issuer && p.ClientId == clientId && p.Id != id, cancellationToken))
        {
            modelState.AddModelError("Input.ClientId", localizer["This institution has registered this issuer with this client id already. Edit that registration instead."]);
        }
        if (!modelState.IsValid)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (platform is null)
        {
            platform = new LtiPlatform { DisplayName = string.Empty, Issuer = string.Empty, ClientId = string.Empty, AuthenticationUrl = string.Empty, TokenUrl = string.Empty, KeySetUrl = string.Empty, CreatedAt = now };
            db.LtiPlatforms.Add(platform);
        }
        platform.DisplayName = input.DisplayName!.Trim();
        platform.Issuer = issuer;
        platform.ClientId = clientId;
        platform.DeploymentIds = deployments;
        platform.AuthenticationUrl = input.AuthenticationUrl!.Trim();
        platform.TokenUrl = input.TokenUrl!.Trim();
        platform.KeySetUrl = input.KeySetUrl!.Trim();
        platform.FramingOrigin = framingOrigin;
        platform.IsEnabled = input.IsEnabled;
        platform.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        // An LMS added, changed or switched off frames (or stops framing) the tool from the next request on.
        framing.Forget(tenant.Required.Id);
        return platform;
    }
}
