using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Identity;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<PlatformUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the email address, which may hold characters Identity's default alphabet refuses
                // (o'brien@…, non-ASCII); the email itself is validated where it is entered.
                options.User.AllowedUserNameCharacters = string.Empty;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = PasswordLengthValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddUserManager<PlatformUserManager>()
            .AddSignInManager<PlatformSignInManager>()
            .AddClaimsPrincipalFactory<PlatformUserClaimsPrincipalFactory>()
            .AddErrorDescriber<CatalogueIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Sessions end at once through SessionCheck; the stamp validator's round renews the claims in the cookie.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(30);
            // The renewed claims come from the account; how the session was signed in comes from the session.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity renewed && context.CurrentPrincipal is { } current)
                {
                    renewed.AddClaims(current.Claims
                        .Where(c => c.Type is PlatformClaims.SignInProvider or PlatformClaims.SignInInstitution or PlatformClaims.LtiPlatform)
                        .Select(c => new System.Security.Claims.Claim(c.Type, c.Value)));
                }
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<SessionCheck>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            // Accounts are global: one cookie for every institution, whatever PathBase signed the person in.
            options.Cookie.Path = "/";
            options.Cookie.Name = SessionCookies.Session;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = SessionLifetime.Idle;
            options.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IConfiguration>((options, configuration) =>
            {
                var secure = SessionCookies.Secure(configuration);
                options.Cookie.Name = SessionCookies.Name(SessionCookies.Session, secure);
                options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });
        services.AddAntiforgery(_ => { });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var secure = SessionCookies.Secure(configuration);
                options.Cookie.Name = SessionCookies.Name(SessionCookies.Antiforgery, secure);
                options.Cookie.Path = "/";
                options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });

        services.AddScoped<CurrentMembership>();
        services.AddScoped<IAuthorizationHandler, InstitutionRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotFoundForStrangersResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.PlatformAdmin, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.PlatformAdmin, "true"))
            .AddPolicy(PlatformPolicies.InstitutionMember, p => p.RequireAuthenticatedUser().AddRequirements(new InstitutionRoleRequirement(InstitutionRole.Learner)))
            .AddPolicy(PlatformPolicies.InstitutionInstructor, p => p.RequireAuthenticatedUser().AddRequirements(new InstitutionRoleRequirement(InstitutionRole.Instructor)))
            .AddPolicy(PlatformPolicies.InstitutionAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new InstitutionRoleRequirement(InstitutionRole.Admin)));
        return services;
    }
}
