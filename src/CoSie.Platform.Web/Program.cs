using CoSie.Platform.Web.Email;
using CoSie.Platform.Web.Features.Account;
using CoSie.Platform.Web.Features.Admin;
using CoSie.Platform.Web.Features.Cohorts;
using CoSie.Platform.Web.Features.Courses;
using CoSie.Platform.Web.Features.Demo;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Insight;
using CoSie.Platform.Web.Features.Lti;
using CoSie.Platform.Web.Features.Moderation;
using CoSie.Platform.Web.Features.NextSteps;
using CoSie.Platform.Web.Features.Profiles;
using CoSie.Platform.Web.Features.Proposals;
using CoSie.Platform.Web.Features.Portfolio;
using CoSie.Platform.Web.Features.Research;
using CoSie.Platform.Web.Features.Search;
using CoSie.Platform.Web.Features.Setup;
using CoSie.Platform.Web.Features.SingleSignOn;
using CoSie.Platform.Web.Features.Synthesis;
using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Jobs;
using CoSie.Platform.Web.Tenancy;

if (args.Contains(HealthProbe.Command))
{
    return await HealthProbe.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
// Static assets from the build's output (the compressed copies live under obj/) in every environment, not only in
// Development: a published app has them in its wwwroot and this finds nothing to add.
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddTenancy()
    .AddPlatformData(builder.Configuration)
    .AddPlatformIdentity()
    .AddPlatformEmail(builder.Configuration)
    .AddPlatformWeb(builder.Configuration)
    .AddPlatformJobs(builder.Configuration)
    .AddAccounts()
    .AddCourses()
    .AddFirstRun()
    .AddPlatformAdmin()
    .AddCohorts()
    .AddDiscussions(builder.Configuration)
    .AddDigests(builder.Configuration)
    .AddModeration()
    .AddInsight()
    .AddSearch()
    .AddNextSteps()
    .AddProfiles()
    .AddProposals()
    .AddSynthesis()
    .AddResearch()
    .AddPortfolio()
    .AddSingleSignOn(builder.Configuration)
    .AddLti(builder.Configuration)
    .AddDemo();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    return 0;
}

await app.PrepareAsync();
app.UsePlatformPipeline();
await app.RunAsync();
return 0;

public partial class Program;
