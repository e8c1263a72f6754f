using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.Web.Features.Setup;

// Until a platform admin exists, the setup page (or COSIE_ADMIN_EMAIL / COSIE_ADMIN_PASSWORD) creates one.
public sealed class FirstRun(UserManager<PlatformUser> users, TimeProvider clock, ILogger<FirstRun> logger)
{
    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default) =>
        !await users.Users.AnyAsync(u => u.IsPlatformAdmin, cancellationToken);

    public async Task<IdentityResult> CreateAdminAsync(string email, string password, string displayName)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PlatformUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = clock.GetUtcNow(),
                IsPlatformAdmin = true,
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                logger.LogInformation("Created the first platform admin {Email}", email);
            }
            return created;
        }

        user.IsPlatformAdmin = true;
        user.EmailConfirmed = true;
        logger.LogInformation("Made the existing account {Email} platform admin", email);
        return await users.UpdateAsync(user);
    }

    public async Task CreateAdminFromEnvironmentAsync(IConfiguration configuration)
    {
        var email = configuration["COSIE_ADMIN_EMAIL"];
        var password = configuration["COSIE_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || !await IsNeededAsync())
        {
            return;
        }
        var result = await CreateAdminAsync(email.Trim(), password, "Platform admin");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "COSIE_ADMIN_EMAIL/COSIE_ADMIN_PASSWORD could not create the first admin: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
