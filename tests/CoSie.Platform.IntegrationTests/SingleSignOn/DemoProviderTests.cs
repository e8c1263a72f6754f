using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.SingleSignOn;

// The demo seed registers the provider the settings name (the compose dev profile's Keycloak); here the test provider.
public sealed class DemoProviderTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;

    public async Task InitializeAsync() => _idp = await TestIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task The_demo_seed_registers_the_configured_provider_once_and_it_signs_people_into_the_demo_cohort()
    {
        Configure(_idp.IssuerText, _idp.ClientId, _idp.ClientSecret);
        await SeedAsync();
        await SeedAsync();

        var institution = await factory.WithServicesAsync(s =>
            s.GetRequiredService<Web.Data.PlatformDbContext>().Institutions.SingleAsync(i => i.Slug == DemoSeeder.InstitutionSlug));
        var provider = await factory.InInstitutionAsync(institution.Id, (_, db) => db.SignInProviders.AsNoTracking().SingleAsync());
        Assert.True(provider.IsEnabled);
        Assert.Equal(_idp.IssuerText, provider.Issuer);

        _idp.Person = new TestPerson("sub-sanna", "sanna@cosie.example", "Sanna Saarinen", true, "cosie-learners");
        Assert.Equal($"/{DemoSeeder.InstitutionSlug}/", await SsoBrowser.SignInAsync(factory.CreateBrowserLikeClient(), DemoSeeder.InstitutionSlug, provider.Id));
        var user = (await factory.FindUserAsync("sanna@cosie.example"))!;
        var place = await factory.InInstitutionAsync(institution.Id, (_, db) =>
            db.CohortMembers.AsNoTracking().Where(m => m.UserId == user.Id).Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { c.Name, m.Role }).SingleAsync());
        Assert.Equal((DemoDiscussion.CohortName, CohortRole.Learner), (place.Name, place.Role));
    }

    [Fact]
    public async Task A_provider_setting_without_its_client_or_with_a_plain_http_issuer_stops_the_seed_with_a_message()
    {
        Configure("https://login.example.org/realms/demo", string.Empty, string.Empty);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(SeedAsync);
        Assert.Contains("Demo:Provider:ClientId", missing.Message, StringComparison.Ordinal);

        factory.Services.GetRequiredService<IConfiguration>()["SingleSignOn:AllowInsecureIssuers"] = "false";
        try
        {
            Configure("http://keycloak:8180/realms/cosie", "cosie-platform", "secret");
            var insecure = await Assert.ThrowsAsync<InvalidOperationException>(SeedAsync);
            Assert.Contains("https://", insecure.Message, StringComparison.Ordinal);
        }
        finally
        {
            factory.Services.GetRequiredService<IConfiguration>()["SingleSignOn:AllowInsecureIssuers"] = "true";
        }
    }

    private void Configure(string issuer, string clientId, string secret)
    {
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        configuration["Demo:Provider:Issuer"] = issuer;
        configuration["Demo:Provider:ClientId"] = clientId;
        configuration["Demo:Provider:ClientSecret"] = secret;
    }

    private Task SeedAsync() =>
        factory.WithServicesAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(); return true; });
}
