using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Features.Discussions.Reflections;
using CoSie.Platform.Web.Features.Lti.Services;
using CoSie.Platform.Web.Features.Moderation;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Lti;

// LTI Advantage against the simulated LMS on loopback: the service token (a client assertion signed with the tool's
// key), the roster (NRPS) kept in step with the cohort, and participation scores sent to the gradebook (AGS), each
// with its failures kept for the instructors, who alone see them.
public sealed class AdvantageServicesTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private const string Context = "context-7";
    private LtiPlatformSimulator _lms = null!;
    private Institution _institution = null!;
    private Course _course = null!;
    private CourseModule _module = null!;

    public async Task InitializeAsync()
    {
        _lms = await LtiPlatformSimulator.StartAsync();
        _institution = await factory.InstitutionAsync("lms-" + Guid.NewGuid().ToString("N")[..8], "LMS Uni");
        await _lms.RegisterAsync(factory, _institution);
        _course = await factory.CourseAsync(_institution, "ethics", "Ethics");
        _module = await factory.ModuleAsync(_institution, _course, "week-1", "Week 1", ["What is a good life?"]);
        _lms.ToolKeySet = () => factory.CreateClient().GetStringAsync($"/{_institution.Slug}/lti/jwks");
    }

    public async Task DisposeAsync() => await _lms.DisposeAsync();

    private string Email(string name) => $"{name}.{_institution.Slug}@lms.example.org";

    private LaunchPerson Person(string name, string role) =>
        new("sub-" + name, name, Email(name), [role], Context, new() { ["course"] = "ethics" });

    private RosterMember Member(string name, string role, string status = "Active") => new("sub-" + name, name, Email(name), [role], status);

    private async Task<(HttpClient Browser, LtiContext Context)> LaunchAsync(string name, string role)
    {
        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.LaunchAsync(browser, _institution.Slug, Person(name, role), factory.Clock.GetUtcNow(),
            claims => _lms.AddServiceClaims(claims, Context));
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        return (browser, await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiContexts.AsNoTracking().SingleAsync()));
    }

    private async Task SyncAsync(LtiContext context)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RosterSyncJob>().SyncAsync(_institution.Id, context.Id, CancellationToken.None);
    }

    private async Task PublishAsync(LtiContext context, Guid promptId, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublishScoreJob>().PublishAsync(_institution.Id, context.CohortId, promptId, userId, CancellationToken.None);
    }

    private async Task<int> SweepAsync()
    {
        var info = await factory.WithServicesAsync(services => services.GetRequiredService<InstitutionDirectory>().FindByIdAsync(_institution.Id, CancellationToken.None));
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublishPendingScoresJob>().RunAsync(info!, CancellationToken.None);
    }

    private Task<Dictionary<string, CohortRole>> PlacesAsync(Guid cohortId) =>
        factory.InInstitutionAsync(_institution.Id, (_, db) => (
            from m in db.CohortMembers
            where m.CohortId == cohortId
            join u in db.Users on m.UserId equals u.Id
            select new { u.Email, m.Role }).ToDictionaryAsync(x => x.Email!, x => x.Role));

    private long Enqueued() => factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    [Fact]
    public async Task A_launch_keeps_the_service_addresses_and_queues_a_roster_sync_in_the_background()
    {
        var before = Enqueued();
        var (_, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);

        Assert.Equal(_lms.MembershipsUrl(Context), context.MembershipsUrl);
        Assert.Equal(_lms.LineItemsUrl(Context), context.LineItemsUrl);
        Assert.Contains(Advantage.ScoreScope, context.GradeScopes);
        Assert.Equal("link-1", context.ResourceLinkId);
        Assert.True(Enqueued() > before);
        Assert.Equal(0, _lms.TokenRequests);
    }

    [Fact]
    public async Task Roster_sync_follows_every_page_places_members_by_role_and_takes_inactive_ones_out_of_the_cohort()
    {
        var (_, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);
        _lms.Roster.AddRange([
            Member("grace", LtiPlatformSimulator.Instructor),
            Member("ada", LtiPlatformSimulator.Learner),
            Member("bob", LtiPlatformSimulator.Learner),
            Member("tess", "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"),
            Member("cy", LtiPlatformSimulator.Learner),
        ]);

        await SyncAsync(context);

        Assert.Equal(3, _lms.MembershipPagesServed);
        Assert.Empty(_lms.TokenRefusals);
        var places = await PlacesAsync(context.CohortId);
        Assert.Equal(CohortRole.Instructor, places[Email("grace")]);
        Assert.Equal(CohortRole.Instructor, places[Email("tess")]);
        Assert.Equal(CohortRole.Learner, places[Email("ada")]);
        Assert.Equal(CohortRole.Learner, places[Email("cy")]);
        Assert.Equal(CohortRole.Learner, places[Email("bob")]);
        var synced = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiContexts.AsNoTracking().SingleAsync());
        Assert.Equal(5, synced.RosterMembers);
        Assert.Null(synced.RosterError);
        Assert.NotNull(synced.RosterSyncedAt);
        var bob = await factory.WithServicesAsync(services =>
            services.GetRequiredService<UserManager<PlatformUser>>().FindByLoginAsync("lti:" + context.PlatformId.ToString("N"), "sub-bob"));
        Assert.NotNull(bob);

        _lms.Roster[2] = Member("bob", LtiPlatformSimulator.Learner, "Inactive");
        await SyncAsync(context);

        places = await PlacesAsync(context.CohortId);
        Assert.False(places.ContainsKey(Email("bob")));
        Assert.Equal(4, places.Count);
        Assert.NotNull(await factory.WithServicesAsync(services => services.GetRequiredService<UserManager<PlatformUser>>().FindByIdAsync(bob.Id.ToString())));
        // The second sync used the token of the first.
        Assert.Equal(1, _lms.TokenRequests);
    }

    [Fact]
    public async Task Two_client_assertions_in_a_row_are_both_accepted_by_the_token_endpoint()
    {
        var (_, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);
        var platform = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiPlatforms.AsNoTracking().SingleAsync(p => p.Id == context.PlatformId));

        // Two scopes, two cache entries: each request signs its own assertion with the same key.
        await factory.InInstitutionAsync(_institution.Id, async (services, _) =>
        {
            var tokens = services.GetRequiredService<ServiceTokens>();
            await tokens.TokenAsync(platform, [Advantage.MembershipsScope], CancellationToken.None);
            return await tokens.TokenAsync(platform, [Advantage.ScoreScope], CancellationToken.None);
        });

        Assert.Equal(2, _lms.TokenRequests);
        Assert.Empty(_lms.TokenRefusals);
    }

    [Fact]
    public async Task A_refused_token_request_is_shown_to_the_instructor_as_the_last_roster_error()
    {
        var (browser, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);
        _lms.TokenFailure = LtiPlatformSimulator.TokenFault.Unauthorized;

        await SyncAsync(context);

        var synced = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiContexts.AsNoTracking().SingleAsync());
        Assert.Equal("TokenRefused 401", synced.RosterError);
        var page = await browser.GetDocumentAsync($"/{_institution.Slug}/cohorts/{context.CohortId}/lms");
        Assert.Contains("HTTP 401", page.QuerySelector("#roster-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_who_reflects_and_replies_as_expected_gets_100_fully_graded_in_the_lms()
    {
        var (_, context) = await LaunchAsync("ada", LtiPlatformSimulator.Learner);
        await LaunchAsync("bob", LtiPlatformSimulator.Learner);
        await factory.InInstitutionAsync(_institution.Id, async (_, db) =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == context.CohortId);
            cohort.ExpectedPeerReplies = 1;
            cohort.PostFirst = false;
            return await db.SaveChangesAsync();
        });
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        var (ada, bob) = await factory.InInstitutionAsync(_institution.Id, async (_, db) => (
            await db.Users.SingleAsync(u => u.Email == Email("ada")), await db.Users.SingleAsync(u => u.Email == Email("bob"))));

        var bobs = await PostAsync(scope => scope.GetRequiredService<WriteReflection>().ExecuteAsync(context.CohortId, prompt.Id, bob.Id, "Bob's view", CancellationToken.None));
        await PostAsync(scope => scope.GetRequiredService<WriteReflection>().ExecuteAsync(context.CohortId, prompt.Id, ada.Id, "Ada's view", CancellationToken.None));
        await PublishAsync(context, prompt.Id, ada.Id);
        var half = Assert.Single(_lms.Scores, s => s.Score["userId"]!.GetValue<string>() == "sub-ada");
        Assert.Equal(50, half.Score["scoreGiven"]!.GetValue<int>());
        Assert.Equal("Pending", half.Score["gradingProgress"]!.GetValue<string>());

        await PostAsync(scope => scope.GetRequiredService<ReplyToReflection>().ExecuteAsync(context.CohortId, bobs, null, ada.Id, "Well put, Bob", null, CancellationToken.None));
        var pending = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id));
        Assert.Equal(LtiScoreStatus.Pending, pending.Status);
        await PublishAsync(context, prompt.Id, ada.Id);

        var full = _lms.Scores.Last(s => s.Score["userId"]!.GetValue<string>() == "sub-ada");
        Assert.Equal(100, full.Score["scoreGiven"]!.GetValue<int>());
        Assert.Equal(100, full.Score["scoreMaximum"]!.GetValue<int>());
        Assert.Equal("FullyGraded", full.Score["gradingProgress"]!.GetValue<string>());
        Assert.Equal("Completed", full.Score["activityProgress"]!.GetValue<string>());
        var item = Assert.Single(_lms.LineItems);
        Assert.Equal(prompt.Id.ToString(), item.ResourceId);
        Assert.Equal(item.Url, full.LineItem);
        var sent = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id));
        Assert.Equal(LtiScoreStatus.Sent, sent.Status);
        Assert.Equal(100, sent.ScoreGiven);
    }

    [Fact]
    public async Task A_delivered_post_queues_no_job_and_the_sweep_sends_its_committed_pending_score()
    {
        var (_, context) = await LaunchAsync("ada", LtiPlatformSimulator.Learner);
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        var ada = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.Users.SingleAsync(u => u.Email == Email("ada")));
        var before = Enqueued();

        await PostAsync(scope => scope.GetRequiredService<WriteReflection>().ExecuteAsync(context.CohortId, prompt.Id, ada.Id, "Ada's view", CancellationToken.None));

        Assert.Equal(before, Enqueued());
        Assert.Equal(LtiScoreStatus.Pending, (await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id))).Status);
        Assert.Equal(1, await SweepAsync());
        var sent = Assert.Single(_lms.Scores);
        Assert.Equal("sub-ada", sent.Score["userId"]!.GetValue<string>());
        Assert.Equal(LtiScoreStatus.Sent, (await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id))).Status);
        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task The_score_follows_moderation_held_until_approved_lower_when_hidden_back_when_restored_and_lower_when_deleted()
    {
        var (_, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);
        await LaunchAsync("ada", LtiPlatformSimulator.Learner);
        await factory.InInstitutionAsync(_institution.Id, async (_, db) =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == context.CohortId);
            cohort.RequireApproval = true;
            cohort.ExpectedPeerReplies = 0;
            cohort.PostFirst = false;
            return await db.SaveChangesAsync();
        });
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        var (grace, ada) = await factory.InInstitutionAsync(_institution.Id, async (_, db) => (
            await db.Users.SingleAsync(u => u.Email == Email("grace")), await db.Users.SingleAsync(u => u.Email == Email("ada"))));
        int LastScore() => _lms.Scores.Last(s => s.Score["userId"]!.GetValue<string>() == "sub-ada").Score["scoreGiven"]!.GetValue<int>();

        var reflection = await PostAsync(scope => scope.GetRequiredService<WriteReflection>().ExecuteAsync(context.CohortId, prompt.Id, ada.Id, "Ada's view", CancellationToken.None));
        await SweepAsync();
        // Held for approval, it counts for nothing yet.
        Assert.All(_lms.Scores.Where(s => s.Score["userId"]!.GetValue<string>() == "sub-ada"), s => Assert.Equal(0, s.Score["scoreGiven"]!.GetValue<int>()));

        await ModerateAsync(scope => scope.GetRequiredService<ApprovePost>().ExecuteAsync(context.CohortId, reflection, reflection, grace.Id, CancellationToken.None));
        Assert.Equal(LtiScoreStatus.Pending, (await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id))).Status);
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(100, LastScore());

        await ModerateAsync(scope => scope.GetRequiredService<HidePost>().ExecuteAsync(context.CohortId, reflection, reflection, grace.Id, "Off topic", CancellationToken.None));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, LastScore());

        await ModerateAsync(scope => scope.GetRequiredService<RestorePost>().ExecuteAsync(context.CohortId, reflection, reflection, grace.Id, "On topic after all", CancellationToken.None));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(100, LastScore());

        await PostAsync(scope => scope.GetRequiredService<DeletePost>().ExecuteAsync(context.CohortId, reflection, reflection, ada.Id, CancellationToken.None));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, LastScore());
    }

    [Fact]
    public async Task A_token_endpoint_failing_with_500_is_recorded_as_failed_and_the_retry_sends_the_score()
    {
        var (browser, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);
        await LaunchAsync("ada", LtiPlatformSimulator.Learner);
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        var ada = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.Users.SingleAsync(u => u.Email == Email("ada")));
        await PostAsync(scope => scope.GetRequiredService<WriteReflection>().ExecuteAsync(context.CohortId, prompt.Id, ada.Id, "Ada's view", CancellationToken.None));
        _lms.TokenFailure = LtiPlatformSimulator.TokenFault.ServerError;

        await Assert.ThrowsAsync<LtiServiceException>(() => PublishAsync(context, prompt.Id, ada.Id));

        var failed = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id));
        Assert.Equal(LtiScoreStatus.Failed, failed.Status);
        Assert.Equal("TokenUnavailable 500", failed.Error);
        var page = $"/{_institution.Slug}/cohorts/{context.CohortId}/lms";
        var document = await browser.GetDocumentAsync(page);
        Assert.NotNull(document.QuerySelector("#failures"));
        Assert.Empty(_lms.Scores);

        _lms.TokenFailure = LtiPlatformSimulator.TokenFault.None;
        var before = Enqueued();
        using var retried = await browser.PressAsync(page, "form[action*='handler=Retry']", "Retry failed", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(before + 1, Enqueued());
        await PublishAsync(context, prompt.Id, ada.Id);

        var sent = Assert.Single(_lms.Scores);
        Assert.Equal("sub-ada", sent.Score["userId"]!.GetValue<string>());
        Assert.Equal(LtiScoreStatus.Sent, (await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id))).Status);
    }

    [Fact]
    public async Task A_score_of_a_disabled_registration_shows_failed_with_the_reason_is_left_alone_and_goes_out_once_enabled_again()
    {
        var (browser, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);
        await LaunchAsync("ada", LtiPlatformSimulator.Learner);
        var quiet = await factory.InstitutionAsync("lms-" + Guid.NewGuid().ToString("N")[..8], "Quiet Uni");
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        var ada = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.Users.SingleAsync(u => u.Email == Email("ada")));
        Task<LtiScore> ScoreAsync() => factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiScores.AsNoTracking().SingleAsync(s => s.UserId == ada.Id));
        Task<List<Guid>> WaitingAsync() => factory.WithServicesAsync(services => services.GetRequiredService<PublishPendingScoresJob>().InstitutionsWaitingAsync(CancellationToken.None));
        await PostAsync(scope => scope.GetRequiredService<WriteReflection>().ExecuteAsync(context.CohortId, prompt.Id, ada.Id, "Ada's view", CancellationToken.None));
        await SetEnabledAsync(context.PlatformId, false);

        var waiting = await WaitingAsync();
        Assert.Contains(_institution.Id, waiting);
        Assert.DoesNotContain(quiet.Id, waiting);
        Assert.Equal(0, await SweepAsync());

        var failed = await ScoreAsync();
        Assert.Equal(LtiScoreStatus.Failed, failed.Status);
        Assert.Equal(nameof(ServiceFailure.RegistrationDisabled), failed.Error);
        Assert.Empty(_lms.Scores);
        var page = await browser.GetDocumentAsync($"/{_institution.Slug}/cohorts/{context.CohortId}/lms");
        Assert.Contains("registration of this LMS is disabled", page.QuerySelector("#failures + ul")!.TextContent, StringComparison.Ordinal);
        // As if it had failed two hours ago: while the registration stays disabled, the job has nothing to do there.
        // (The score is aged rather than the clock moved on, which the simulated LMS's token endpoint would refuse.)
        var longAgo = failed.UpdatedAt - TimeSpan.FromHours(2);
        await factory.InInstitutionAsync(_institution.Id, (_, db) =>
            db.LtiScores.Where(s => s.Id == failed.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, longAgo)));
        Assert.DoesNotContain(_institution.Id, await WaitingAsync());
        Assert.Equal(0, await SweepAsync());
        Assert.Equal(longAgo, (await ScoreAsync()).UpdatedAt);

        await SetEnabledAsync(context.PlatformId, true);
        Assert.Contains(_institution.Id, await WaitingAsync());
        await factory.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<PublishPendingScoresJob>().RunAsync(CancellationToken.None);
            return 0;
        });

        var sent = Assert.Single(_lms.Scores);
        Assert.Equal("sub-ada", sent.Score["userId"]!.GetValue<string>());
        Assert.Equal(LtiScoreStatus.Sent, (await ScoreAsync()).Status);
        Assert.DoesNotContain(_institution.Id, await WaitingAsync());
    }

    private Task<int> SetEnabledAsync(Guid platformId, bool enabled) =>
        factory.InInstitutionAsync(_institution.Id, async (_, db) =>
        {
            var platform = await db.LtiPlatforms.SingleAsync(p => p.Id == platformId);
            platform.IsEnabled = enabled;
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Another_institutions_instructor_finds_no_lms_page_of_the_cohort()
    {
        var (browser, context) = await LaunchAsync("grace", LtiPlatformSimulator.Instructor);
        var other = await factory.InstitutionAsync("lms-" + Guid.NewGuid().ToString("N")[..8], "Other Uni");
        var stranger = await factory.MemberAsync(other, $"teacher.{other.Slug}@example.org", InstitutionRole.Instructor);
        var strangerBrowser = await factory.CreateBrowserLikeClientAsAsync(stranger);

        using var own = await browser.GetAsync($"/{_institution.Slug}/cohorts/{context.CohortId}/lms");
        using var atA = await strangerBrowser.GetAsync($"/{_institution.Slug}/cohorts/{context.CohortId}/lms");
        using var atB = await strangerBrowser.GetAsync($"/{other.Slug}/cohorts/{context.CohortId}/lms");
        using var syncAtB = await strangerBrowser.PostAsync($"/{other.Slug}/cohorts/{context.CohortId}/lms?handler=Sync", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, atA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, atB.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, syncAtB.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, syncAtB.StatusCode);
    }

    // A moderation through its use case, in the institution's scope, and the outbox delivered, as after any moderation.
    private async Task ModerateAsync(Func<IServiceProvider, Task<ModerationResult>> moderate)
    {
        var info = await factory.WithServicesAsync(services => services.GetRequiredService<InstitutionDirectory>().FindByIdAsync(_institution.Id, CancellationToken.None));
        await using var scope = factory.Services.GetRequiredService<TenantScopes>().Enter(info!);
        var result = await moderate(scope.ServiceProvider);
        Assert.Equal(ModerationOutcome.Done, result.Outcome);
        await factory.Services.GetRequiredService<OutboxWorker>().DeliverAsync(_institution.Id, waitForOthers: true, CancellationToken.None);
    }

    // A post written through its use case, and the outbox delivered, as after any post.
    private async Task<Guid> PostAsync(Func<IServiceProvider, Task<PostResult>> write)
    {
        var info = await factory.WithServicesAsync(services => services.GetRequiredService<InstitutionDirectory>().FindByIdAsync(_institution.Id, CancellationToken.None));
        await using (var scope = factory.Services.GetRequiredService<TenantScopes>().Enter(info!))
        {
            var result = await write(scope.ServiceProvider);
            Assert.Equal(DiscussionOutcome.Done, result.Outcome);
            await factory.Services.GetRequiredService<OutboxWorker>().DeliverAsync(_institution.Id, waitForOthers: true, CancellationToken.None);
            return result.PostId!.Value;
        }
    }
}
