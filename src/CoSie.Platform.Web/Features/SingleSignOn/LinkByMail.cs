using CoSie.Platform.Web.Features.Account;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// The other way for the owner of an existing account to link a provider: instead of typing the password, they have a
// link mailed to the account's address, which links the pending sign-in and signs them in. The link is good only in the
// institution whose provider answered, for the provider and subject of that answer, once, for a day.
public sealed class LinkByMail(
    CompleteProviderSignIn complete,
    ProviderLinkTokens tokens,
    AccountEmails emails,
    UserManager<PlatformUser> users,
    PlatformDbContext db,
    TenantContext tenant,
    ILogger<LinkByMail> logger)
{
    public const string ConfirmPage = "/SingleSignOn/SignIn/ConfirmLink";

    // False where no provider sign-in is waiting to be linked.
    public async Task<bool> SendAsync(HttpContext http)
    {
        if (await complete.PendingAsync(http) is not { } pending || pending.Claims.Judge(pending.Provider) is not null
            || await users.FindByEmailAsync(pending.Claims.Email!) is not { } user)
        {
            return false;
        }
        var (provider, claims, properties) = pending;
        var link = new ProviderLink(provider.InstitutionId, provider.Id, user.Id, await users.GetSecurityStampAsync(user), claims,
            SsoItems.Read(properties, SsoItems.ReturnUrl));
        var url = emails.Link(ConfirmPage, new { code = tokens.Create(link) });
        emails.Send(emails.ConfirmProviderLink(user, provider.DisplayName, url), "provider link", user.Id);
        logger.LogInformation("Mailed account {UserId} a link to confirm linking provider {ProviderId}", user.Id, provider.Id);
        return true;
    }

    // What a mailed link would link, or null where it does not work: tampered, expired, used, made in another
    // institution, for a provider switched off since, or for an account that has changed since.
    public async Task<PendingMailLink?> ReadAsync(string? code)
    {
        if (tokens.Read(code) is not { } link || !tenant.HasInstitution || link.InstitutionId != tenant.Required.Id)
        {
            return null;
        }
        // The tenant filter applies too: another institution's provider is not found here.
        var provider = await db.SignInProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == link.ProviderId);
        if (provider is null || !provider.IsEnabled || link.Claims.Judge(provider) is not null)
        {
            return null;
        }
        var user = await users.FindByIdAsync(link.UserId.ToString());
        if (user is null || !string.Equals(user.SecurityStamp, link.SecurityStamp, StringComparison.Ordinal)
            || !string.Equals(user.Email, link.Claims.Email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // Once linked, the link has done its work.
        return await users.FindByLoginAsync(provider.LoginProvider, link.Claims.Subject!) is null
            ? new PendingMailLink(provider, link, user)
            : null;
    }

    public async Task<ProviderSignInResult?> ConfirmAsync(HttpContext http, string? code)
    {
        if (await ReadAsync(code) is not { } pending)
        {
            logger.LogInformation("A mailed link to link a provider did not work (tampered, expired, used or foreign)");
            return null;
        }
        return await complete.LinkAsync(http, pending.Provider, pending.Link.Claims, pending.User, idToken: null, pending.Link.ReturnUrl);
    }
}
