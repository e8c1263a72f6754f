using CoSie.Platform.Web.Features.Discussions.Threads;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// Live updates of discussions. Clients only listen: every write goes through the pages (and their checks), except a
// synthesis's updates (EditSynthesis), which the server checks and merges itself before relaying them; the hub
// admits a connection to a thread's group after DiscussionAccess says the person may read the thread now, and
// hands back what it missed. DiscussionHubFilter rate-limits calls, re-checks the account and restores the
// institution the connection is bound to.
[Authorize]
public sealed class DiscussionHub(
    DiscussionAccess access,
    Proposals.ProposalAccess proposals,
    Synthesis.SynthesisAccess syntheses,
    Synthesis.SynthesisDocuments synthesisDocuments,
    Synthesis.SynthesisPresence synthesisPresence,
    Synthesis.YjsRuntime yjs,
    PlatformDbContext db,
    ThreadEventMessages messages,
    LiveConnections connections,
    InstitutionDirectory institutions,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer<DiscussionHub> localizer,
    IOptions<DiscussionOptions> options,
    IOptions<LanguageOptions> languages) : Hub<IDiscussionClient>
{
    public override async Task OnConnectedAsync()
    {
        var userId = UserId;
        var limits = options.Value;
        var bucket = new HubCallBucket(
            limits.HubCallBurst, limits.HubCallsPerSecond, limits.HubRefusalsBeforeClose, TimeSpan.FromSeconds(limits.HubRefusalWindowSeconds), clock);
        connections.Add(new LiveConnection(Context, userId, bucket, LocaleOf(null)));
        await Groups.AddToGroupAsync(Context.ConnectionId, DiscussionGroups.User(userId));
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        foreach (var (group, synthesisId) in await synthesisPresence.LeaveAsync(Context.ConnectionId))
        {
            await Clients.Group(group).SynthesisPresenceChanged(new Synthesis.SynthesisPresenceMessage(synthesisId, await synthesisPresence.OfAsync(synthesisId)));
        }
        await base.OnDisconnectedAsync(exception);
    }

    public async Task<JoinResult> JoinThread(string institution, Guid reflectionId, long afterSequence)
    {
        if (!await BindAsync(institution))
        {
            return JoinResult.Refused("not-found");
        }
        var read = await access.ForThreadAsync(null, reflectionId, UserId, Context.ConnectionAborted);
        if (!read.Allowed)
        {
            return JoinResult.Refused(read.Verdict == AccessVerdict.HeldBack ? "post-first" : "not-found");
        }
        var viewer = read.Viewer.Class;
        var group = DiscussionGroups.Thread(tenant.Required.Id, reflectionId, viewer, Connection.Locale.Language.Name);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        Connection.Groups[group] = new LiveGroup(group, read.Reflection.CohortId, read.Reflection.PromptId, reflectionId);
        return await CatchUpAsync(reflectionId, afterSequence, viewer);
    }

    public async Task LeaveThread(Guid reflectionId)
    {
        foreach (var group in Connection.Groups.Values.Where(g => g.ReflectionId == reflectionId).ToList())
        {
            Connection.Groups.TryRemove(group.Name, out _);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group.Name);
        }
    }

    // Events after the last sequence the client saw, if it may still read the thread.
    public async Task<JoinResult> CatchUp(Guid reflectionId, long afterSequence)
    {
        if (!tenant.HasInstitution || !Connection.Groups.Values.Any(g => g.ReflectionId == reflectionId))
        {
            return JoinResult.Refused("not-joined");
        }
        var read = await access.ForThreadAsync(null, reflectionId, UserId, Context.ConnectionAborted);
        if (!read.Allowed)
        {
            await connections.RevokeAsync(LiveCutOff.Thread(UserId, reflectionId));
            return JoinResult.Refused(read.Verdict == AccessVerdict.HeldBack ? "post-first" : "not-found");
        }
        return await CatchUpAsync(reflectionId, afterSequence, read.Viewer.Class);
    }

    // The list of a prompt's reflections: new reflections and reply counts, for those who see their peers.
    public async Task<bool> WatchPrompt(string institution, Guid cohortId, Guid promptId)
    {
        if (!await BindAsync(institution))
        {
            return false;
        }
        var place = await access.ForPromptAsync(cohortId, promptId, UserId, Context.ConnectionAborted);
        if (!place.SeesPeers)
        {
            return false;
        }
        var group = DiscussionGroups.Prompt(tenant.Required.Id, cohortId, promptId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        Connection.Groups[group] = new LiveGroup(group, cohortId, promptId, null);
        return true;
    }

    // A module's proposals in a cohort, for those who may open that page.
    public async Task<bool> WatchProposals(string institution, Guid cohortId, Guid moduleId)
    {
        if (!await BindAsync(institution) || !await proposals.CanWatchAsync(cohortId, moduleId, UserId, Context.ConnectionAborted))
        {
            return false;
        }
        var group = DiscussionGroups.Proposals(tenant.Required.Id, cohortId, moduleId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        // No prompt: a cut-off from the cohort ends it, one from a single prompt's threads does not.
        Connection.Groups[group] = new LiveGroup(group, cohortId, Guid.Empty, null);
        return true;
    }

    // A synthesis (Features/Synthesis): the one hub method that takes writes, because a shared document is edited
    // keystroke by keystroke. Joining hands over the stored document; every update is checked again (membership,
    // suspension, closing) and merged by the server before it is relayed.
    public async Task<Synthesis.SynthesisJoinResult> JoinSynthesis(string institution, Guid synthesisId)
    {
        if (!await BindAsync(institution) || await syntheses.ForConnectionAsync(synthesisId, UserId, Context.ConnectionAborted) is not { } seat)
        {
            return Synthesis.SynthesisJoinResult.Refused;
        }
        var group = DiscussionGroups.Synthesis(tenant.Required.Id, synthesisId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        Connection.Groups[group] = new LiveGroup(group, seat.CohortId, Guid.Empty, null);
        var state = await synthesisDocuments.StateAsync(synthesisId, Context.ConnectionAborted) ?? [0, 0];
        var reading = yjs.Read(state);
        return new Synthesis.SynthesisJoinResult(
            true, Convert.ToBase64String(state), reading.Vector, seat.Closed, seat.CanWrite && !seat.Closed, await synthesisPresence.OfAsync(synthesisId));
    }

    public async Task<Synthesis.SynthesisEditResult> EditSynthesis(Guid synthesisId, string update)
    {
        if (!tenant.HasInstitution || !Connection.Groups.ContainsKey(DiscussionGroups.Synthesis(tenant.Required.Id, synthesisId)))
        {
            return new Synthesis.SynthesisEditResult(false, "not-joined");
        }
        var seat = await syntheses.ForConnectionAsync(synthesisId, UserId, Context.ConnectionAborted);
        if (seat is null || !seat.CanWrite)
        {
            return new Synthesis.SynthesisEditResult(false, "forbidden");
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(update ?? string.Empty);
        }
        catch (FormatException)
        {
            return new Synthesis.SynthesisEditResult(false, "malformed");
        }
        var result = await synthesisDocuments.ApplyLiveAsync(synthesisId, UserId, bytes, Context.ConnectionId, Context.ConnectionAborted);
        return new Synthesis.SynthesisEditResult(result.Succeeded, result.Reason);
    }

    // Who edits which section (null: none), told to everyone on the synthesis.
    public async Task SynthesisPresence(Guid synthesisId, string? section)
    {
        if (!tenant.HasInstitution || (section is not null && !Synthesis.SynthesisSections.IsKnown(section)))
        {
            return;
        }
        var group = DiscussionGroups.Synthesis(tenant.Required.Id, synthesisId);
        if (!Connection.Groups.ContainsKey(group))
        {
            return;
        }
        var userId = UserId;
        var name = section is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(Context.ConnectionAborted);
        var editors = await synthesisPresence.SetAsync(group, synthesisId, Context.ConnectionId, section is null ? null : new Synthesis.SynthesisEditor(name ?? string.Empty, section));
        await Clients.Group(group).SynthesisPresenceChanged(new Synthesis.SynthesisPresenceMessage(synthesisId, editors));
    }

    private async Task<JoinResult> CatchUpAsync(Guid reflectionId, long afterSequence, ViewerClass viewer)
    {
        var (events, tooMany) = await messages.AfterAsync(reflectionId, Math.Max(0, afterSequence), Context.ConnectionAborted);
        var last = events.Count > 0 ? events[^1].Sequence : Math.Max(0, afterSequence);
        if (tooMany)
        {
            return new JoinResult(true, null, last, [], Reload: true);
        }
        var missed = await messages.RenderAsync(reflectionId, events, viewer, Connection.Locale, Connection.Zone, Context.ConnectionAborted);
        return new JoinResult(true, null, last, missed);
    }

    // A connection belongs to the first institution it joins something in; the filter restores it on later calls.
    private async Task<bool> BindAsync(string institution)
    {
        var info = await institutions.FindBySlugAsync(institution ?? string.Empty, Context.ConnectionAborted);
        if (info is null || (Connection.Institution is { } bound && bound.Id != info.Id))
        {
            return false;
        }
        if (!tenant.HasInstitution)
        {
            tenant.Set(info);
        }
        Connection.Institution = info;
        Connection.Locale = LocaleOf(info);
        return true;
    }

    // Worked out as for a page, from the connection's request (its cookies and headers): the calls that follow are
    // not requests of their own.
    private Locale LocaleOf(InstitutionInfo? institution) =>
        Context.GetHttpContext() is { } http ? RequestLocale.Of(http, institution, languages.Value.Pseudo) : Locale.For(null, null, institution?.DefaultCulture);

    private LiveConnection Connection => connections.Find(Context.ConnectionId) ?? throw new HubException(localizer["The connection has ended."].Value);

    private Guid UserId => Context.User.RequiredAccountId();
}
