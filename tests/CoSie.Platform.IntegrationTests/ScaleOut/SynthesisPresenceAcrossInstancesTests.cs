using System.Text.Json;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Features.Synthesis;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CoSie.Platform.IntegrationTests.ScaleOut;

// Who edits which section of a synthesis, when the editors' pages are connected to different instances: each instance
// lists them all, and an entry left behind by an instance that stopped without saying goodbye lapses.
public sealed class SynthesisPresenceAcrossInstancesTests(ScaleOutFactory factory) : IClassFixture<ScaleOutFactory>
{
    [Fact]
    public async Task Editors_on_two_instances_see_each_other_and_a_newcomer_on_either_sees_both()
    {
        var cohort = await factory.OpenCohortAsync("Presence across instances");
        var paula = await factory.LearnerAsync(cohort, "Paula on A");
        var bruno = await factory.LearnerAsync(cohort, "Bruno on B");
        var nina = await factory.LearnerAsync(cohort, "Nina newcomer");
        var id = await SynthesisIdAsync(paula, cohort);
        await using var onA = await LiveClient.ConnectAsync(factory.ServerAddress, await factory.SessionCookieHeaderAsync(paula));
        var onB = await LiveClient.ConnectAsync(factory.InstanceB.ServerAddress, await factory.SessionCookieHeaderAsync(bruno));
        await onA.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        await onB.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);

        await onA.Connection.InvokeAsync("SynthesisPresence", id, "agree");
        var paulaAlone = await onA.NextAsync<SynthesisPresenceMessage>("SynthesisPresenceChanged");
        var brunoHearsPaula = await onB.NextAsync<SynthesisPresenceMessage>("SynthesisPresenceChanged");
        await onB.Connection.InvokeAsync("SynthesisPresence", id, "differ");
        var paulaHearsBoth = await onA.NextAsync<SynthesisPresenceMessage>("SynthesisPresenceChanged");
        var brunoHearsBoth = await onB.NextAsync<SynthesisPresenceMessage>("SynthesisPresenceChanged");
        await using var newcomerOnA = await LiveClient.ConnectAsync(factory.ServerAddress, await factory.SessionCookieHeaderAsync(nina));
        var joinedOnA = await newcomerOnA.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        await using var newcomerOnB = await LiveClient.ConnectAsync(factory.InstanceB.ServerAddress, await factory.SessionCookieHeaderAsync(nina));
        var joinedOnB = await newcomerOnB.Connection.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, id);
        await onB.DisposeAsync();
        var afterBrunoLeft = await onA.NextAsync<SynthesisPresenceMessage>("SynthesisPresenceChanged");

        SynthesisEditor[] both = [new("Bruno on B", "differ"), new("Paula on A", "agree")];
        Assert.Equal([new SynthesisEditor("Paula on A", "agree")], paulaAlone.Editors);
        Assert.Equal(paulaAlone.Editors, brunoHearsPaula.Editors);
        Assert.Equal(both, paulaHearsBoth.Editors);
        Assert.Equal(both, brunoHearsBoth.Editors);
        Assert.Equal(both, joinedOnA.Editors);
        Assert.Equal(both, joinedOnB.Editors);
        Assert.Equal([new SynthesisEditor("Paula on A", "agree")], afterBrunoLeft.Editors);
    }

    [Fact]
    public async Task The_entry_of_an_instance_that_stopped_without_leaving_lapses()
    {
        var synthesisId = Guid.NewGuid();
        var now = factory.Clock.GetUtcNow();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ScaleOutHosting.Redis);
        await redis.GetDatabase().HashSetAsync(SynthesisPresence.KeyOf(synthesisId),
        [
            new HashEntry("stopped:1", Entry("Lapsed Lars", "agree", now - TimeSpan.FromSeconds(1))),
            new HashEntry("running:2", Entry("Renewed Rita", "open", now + SynthesisPresence.Lifetime)),
        ]);

        var onA = await factory.Services.GetRequiredService<SynthesisPresence>().OfAsync(synthesisId);
        var onB = await factory.InstanceB.Services.GetRequiredService<SynthesisPresence>().OfAsync(synthesisId);

        Assert.Equal([new SynthesisEditor("Renewed Rita", "open")], onA);
        Assert.Equal(onA, onB);
    }

    private static string Entry(string name, string section, DateTimeOffset until) =>
        JsonSerializer.Serialize(new { Name = name, Section = section, Until = until.ToUnixTimeMilliseconds() });

    private async Task<Guid> SynthesisIdAsync(PlatformUser member, Cohort cohort)
    {
        using var client = await factory.CreateRealPortClientAsAsync(factory.ServerAddress, member);
        var page = await client.GetDocumentAsync($"/{factory.A.Slug}/cohorts/{cohort.Id}/modules/{factory.Module.Id}/synthesis");
        return Guid.Parse(page.QuerySelector("#synthesis")!.GetAttribute("data-synthesis-id")!);
    }
}
