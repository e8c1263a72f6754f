using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Languages;

// The discussion fixture in a Swedish-speaking institution (sv-FI: Swedish words, Finland-Swedish dates).
public sealed class LanguageFactory : DiscussionFactory
{
    public const string InstitutionCulture = "sv-FI";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            await db.Institutions.Where(i => i.Id == A.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.DefaultCulture, InstitutionCulture));
            services.GetRequiredService<InstitutionDirectory>().Invalidate();
            return 0;
        });
    }
}
