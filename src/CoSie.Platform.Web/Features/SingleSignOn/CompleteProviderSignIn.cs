using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace CoSie.Platform.Web.Features.SingleSignOn;

// After the handler has checked the provider's answer (signature, issuer, audience, lifetime, nonce, state) and the
// platform's rules (ProviderClaims.Judge), the answer waits in the external cookie. This turns it into a session: the
// account linked to (provider, sub); else a new account for a verified address nobody has; else, for an address that
// has an account already, nothing until its owner proves control (LinkModel).
public sealed class CompleteProviderSignIn(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    TimeProvider clock,
    ProviderCohorts cohorts,
    ILogger<CompleteProviderSignIn> logger)
{
    public async Task<ProviderSignInResult> CompleteAsync(HttpContext http)
    {
        var pending = await PendingAsync(http);
        if (pending is null)
        {
            return ProviderSignInResult.Refused(SignInRefusal.StateMismatch);
        }
        var (provider, claims, properties) = pending.Value;
        if (SsoItems.Read(properties, SsoItems.Mode) == SsoItems.TestMode)
        {
            return ProviderSignInResult.Test(provider.Id);
        }
        if (claims.Judge(provider) is { } refusal)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            return ProviderSignInResult.Refused(refusal);
        }

        var user = await users.FindByLoginAsync(provider.LoginProvider, claims.Subject!);
        if (user is null)
        {
            if (await users.FindByEmailAsync(claims.Email!) is not null)
            {
                logger.LogInformation("Sign-in through provider {ProviderId} found an existing account by e-mail; waiting for its owner to link it", provider.Id);
                return ProviderSignInResult.NeedsLink();
            }
            user = await CreateAccountAsync(provider, claims);
            if (user is null)
            {
                await http.SignOutAsync(IdentityConstants.ExternalScheme);
                return ProviderSignInResult.Refused(SignInRefusal.Failed);
            }
        }
        return await SignInAsync(http, provider, claims, properties.GetTokenValue("id_token"), SsoItems.Read(properties, SsoItems.ReturnUrl), user);
    }

    // The owner of an existing account with the provider's address proved control of it: link, then sign in.
    public async Task<ProviderSignInResult> LinkAndSignInAsync(HttpContext http, PlatformUser user)
    {
        var pending = await PendingAsync(http);
        if (pending is null)
        {
            return ProviderSignInResult.Refused(SignInRefusal.StateMismatch);
        }
        var (provider, claims, properties) = pending.Value;
        if (claims.Judge(provider) is { } refusal)
        {
            return ProviderSignInResult.Refused(refusal);
        }
        return await LinkAsync(http, provider, claims, user, properties.GetTokenValue("id_token"), SsoItems.Read(properties, SsoItems.ReturnUrl));
    }

    // Links the provider's subject to an account whose owner proved control of it (password or mailed link), then signs in.
    public async Task<ProviderSignInResult> LinkAsync(
        HttpContext http, SignInProvider provider, ProviderClaims claims, PlatformUser user, string? idToken, string? returnUrl)
    {
        IdentityResult linked;
        try
        {
            linked = await users.AddLoginAsync(user, new UserLoginInfo(provider.LoginProvider, claims.Subject!, provider.DisplayName));
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same link confirmed twice at once (two tabs, a mailed link): the other request linked it.
            db.ChangeTracker.Clear();
            logger.LogInformation("Linking provider {ProviderId} to account {UserId} lost to a request that linked it at the same time", provider.Id, user.Id);
            return ProviderSignInResult.Refused(SignInRefusal.Failed);
        }
        if (!linked.Succeeded)
        {
            logger.LogWarning("Linking provider {ProviderId} to account {UserId} failed: {Errors}", provider.Id, user.Id,
                string.Join(", ", linked.Errors.Select(e => e.Code)));
            return ProviderSignInResult.Refused(SignInRefusal.Failed);
        }
        logger.LogInformation("Account {UserId} linked provider {ProviderId} after proving control", user.Id, provider.Id);
        return await SignInAsync(http, provider, claims, idToken, returnUrl, user);
    }

    // The provider's answer waiting in the external cookie, with its provider, which must be one of this institution's.
    public async Task<(SignInProvider Provider, ProviderClaims Claims, AuthenticationProperties Properties)?> PendingAsync(HttpContext http)
    {
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Properties is null
            || !Guid.TryParseExact(SsoItems.Read(external.Properties, SsoItems.Provider), "N", out var providerId))
        {
            return null;
        }
        var provider = await db.SignInProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, http.RequestAborted);
        return provider is null ? null : (provider, ProviderClaims.Read(provider, external.Principal), external.Properties);
    }

    private async Task<PlatformUser?> CreateAccountAsync(SignInProvider provider, ProviderClaims claims)
    {
        var email = claims.Email!;
        var user = new PlatformUser
        {
            UserName = email,
            Email = email,
            // The provider verified it (or the institution trusts its directory's addresses).
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(claims.Name) ? email.Split('@')[0] : claims.Name[..Math.Min(claims.Name.Length, 100)],
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        var linked = created.Succeeded
            ? await users.AddLoginAsync(user, new UserLoginInfo(provider.LoginProvider, claims.Subject!, provider.DisplayName))
            : created;
        if (!linked.Succeeded)
        {
            logger.LogWarning("Creating an account through provider {ProviderId} failed: {Errors}", provider.Id,
                string.Join(", ", linked.Errors.Select(e => e.Code)));
            return null;
        }
        await transaction.CommitAsync();
        logger.LogInformation("Account {UserId} created at its first sign-in through provider {ProviderId}", user.Id, provider.Id);
        return user;
    }

    private async Task<ProviderSignInResult> SignInAsync(
        HttpContext http, SignInProvider provider, ProviderClaims claims, string? idToken, string? returnUrl, PlatformUser user)
    {
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            logger.LogInformation("Refused sign-in through provider {ProviderId} for account {UserId} (disabled {Disabled})", provider.Id, user.Id, user.IsDisabled);
            return ProviderSignInResult.Refused(SignInRefusal.AccountDisabled);
        }
        await ApplyGroupsAsync(provider, user, claims.Groups);

        var properties = new AuthenticationProperties();
        // Kept for the provider's logout, which takes it as id_token_hint.
        if (idToken is not null)
        {
            properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }
        await signIn.SignInWithClaimsAsync(user, properties,
        [
            new Claim(PlatformClaims.SignInProvider, provider.Id.ToString("N")),
            new Claim(PlatformClaims.SignInInstitution, provider.InstitutionId.ToString()),
        ]);
        logger.LogInformation("Account {UserId} signed in through provider {ProviderId}", user.Id, provider.Id);
        return ProviderSignInResult.SignedIn(returnUrl);
    }

    // The provider's groups give a role and cohort places in its own institution only (its providers and cohorts are
    // the only ones the tenant filter shows here), applied at every sign-in. They only ever add or raise: a role or a
    // place given by other means (an invitation, an admin) is never lowered or taken away here, and neither is one the
    // groups stop naming; the institution's admins remove people.
    private async Task ApplyGroupsAsync(SignInProvider provider, PlatformUser user, IReadOnlyList<string> groups)
    {
        var role = provider.RoleFor(groups);
        var places = new List<(Guid CohortId, CohortRole Role)>();
        foreach (var (reference, cohortRole) in provider.CohortsFor(groups))
        {
            var match = await cohorts.FindAsync(reference);
            if (match.CohortId is { } cohortId)
            {
                places.Add((cohortId, cohortRole));
                // A place in a cohort needs membership of the institution, as joining one gives it.
                var wanted = cohortRole == CohortRole.Instructor ? InstitutionRole.Instructor : InstitutionRole.Learner;
                role = role is { } mapped && mapped >= wanted ? mapped : wanted;
            }
            else
            {
                logger.LogWarning("Provider {ProviderId} maps groups to cohort {Cohort}, which is {Finding} now; skipped", provider.Id, reference, match.Finding);
            }
        }
        var now = clock.GetUtcNow();
        var changed = false;
        if (role is { } institutionRole)
        {
            var membership = await db.InstitutionMemberships.SingleOrDefaultAsync(m => m.UserId == user.Id);
            if (membership is null)
            {
                db.InstitutionMemberships.Add(new InstitutionMembership { UserId = user.Id, Role = institutionRole, CreatedAt = now });
                changed = true;
            }
            else if (membership.Role < institutionRole)
            {
                membership.Role = institutionRole;
                changed = true;
            }
        }
        foreach (var (cohortId, cohortRole) in places)
        {
            var member = await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == user.Id);
            if (member is null)
            {
                db.CohortMembers.Add(new CohortMember { CohortId = cohortId, UserId = user.Id, Role = cohortRole, JoinedAt = now });
                changed = true;
            }
            else if (cohortRole == CohortRole.Instructor && member.Role != CohortRole.Instructor)
            {
                member.Role = CohortRole.Instructor;
                changed = true;
            }
        }
        if (!changed)
        {
            return;
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two sign-ins of the same person at once: the other one added the same rows.
            db.ChangeTracker.Clear();
            return;
        }
        logger.LogInformation("Account {UserId} has role {Role} and {Places} mapped cohort places in institution {InstitutionId} from provider {ProviderId}",
            user.Id, role, places.Count, provider.InstitutionId, provider.Id);
    }
}
