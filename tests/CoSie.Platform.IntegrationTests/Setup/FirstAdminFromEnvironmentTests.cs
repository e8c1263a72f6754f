using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Features.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Setup;

public sealed class FirstAdminFromEnvironmentTests(FirstAdminFromEnvironmentTests.Factory factory)
    : IClassFixture<FirstAdminFromEnvironmentTests.Factory>
{
    // Started the way an operator starts a fresh deployment without a browser at hand.
    public sealed class Factory : PlatformFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("COSIE_ADMIN_EMAIL", "ops@platform.test");
            builder.UseSetting("COSIE_ADMIN_PASSWORD", "an operator's long passphrase");
        }
    }

    [Fact]
    public async Task COSIE_ADMIN_EMAIL_and_PASSWORD_create_the_first_admin_once()
    {
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(["ops@platform.test"], await AdminEmailsAsync());

        await factory.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<FirstRun>().CreateAdminFromEnvironmentAsync(configuration);
            return true;
        });

        Assert.Equal(["ops@platform.test"], await AdminEmailsAsync());
        using var setup = await factory.CreateBrowserLikeClient().GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
    }

    private Task<List<string>> AdminEmailsAsync() =>
        factory.WithServicesAsync(s => s.GetRequiredService<PlatformDbContext>().Users
            .Where(u => u.IsPlatformAdmin).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync());
}
