using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Moderation;

public sealed class ModerationActionTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private async Task<(Cohort Cohort, HttpClient Author, HttpClient Peer, HttpClient Moderator, Guid ReflectionId, Guid ReplyId)> ThreadAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, $"{name} Author"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, $"{name} Peer"));
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);
        var reflectionId = await factory.WriteReflectionAsync(peer, cohort, "A reflection to discuss.");
        var replyId = await factory.ReplyAsync(author, cohort, reflectionId, "Buy cheap watches at example.test");
        return (cohort, author, peer, moderator, reflectionId, replyId);
    }

    [Fact]
    public async Task Hiding_a_reply_shows_learners_a_placeholder_and_moderators_the_text_marked_hidden()
    {
        var (cohort, author, peer, moderator, reflectionId, replyId) = await ThreadAsync("Hide");

        using var response = await factory.ModerateAsync(moderator, cohort, reflectionId, replyId, "#hide-form", new() { ["Input.Reason"] = "Advertising." });

        Moderating.AssertRedirect(response);
        var learnerView = (await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId))).QuerySelector($"#post-{replyId}")!;
        Assert.Contains("hidden by a moderator", learnerView.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("cheap watches", learnerView.TextContent, StringComparison.Ordinal);
        var moderatorView = (await moderator.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId))).QuerySelector($"#post-{replyId}")!;
        Assert.Contains("hidden-post", moderatorView.ClassName, StringComparison.Ordinal);
        Assert.Contains("cheap watches", moderatorView.TextContent, StringComparison.Ordinal);
        var authorView = (await author.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId))).QuerySelector($"#post-{replyId}")!;
        Assert.Contains("Advertising.", authorView.QuerySelector(".hidden-reason")!.TextContent, StringComparison.Ordinal);
        var action = Assert.Single(await factory.AuditAsync(cohort.Id));
        Assert.Equal((ModerationActionKind.Hide, replyId, factory.Instructor.Id, "Advertising."), (action.Kind, action.PostId!.Value, action.ModeratorId!.Value, action.Reason));
        var row = await factory.ReplyRowAsync(replyId);
        Assert.Equal(PostStatus.HiddenByModerator, row.Status);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.PostId == replyId && n.Kind == NotificationKind.PostHidden)));
    }

    [Fact]
    public async Task Hiding_without_a_reason_is_refused_and_changes_nothing()
    {
        var (cohort, _, _, moderator, reflectionId, replyId) = await ThreadAsync("No reason");

        using var response = await factory.ModerateAsync(moderator, cohort, reflectionId, replyId, "#hide-form", new() { ["Input.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PostStatus.Visible, (await factory.ReplyRowAsync(replyId)).Status);
        Assert.Empty(await factory.AuditAsync(cohort.Id));
    }

    [Fact]
    public async Task Restoring_a_hidden_reply_shows_it_to_learners_again()
    {
        var (cohort, _, peer, moderator, reflectionId, replyId) = await ThreadAsync("Restore");
        using var hidden = await factory.ModerateAsync(moderator, cohort, reflectionId, replyId, "#hide-form", new() { ["Input.Reason"] = "Check the link." });

        using var restored = await factory.ModerateAsync(moderator, cohort, reflectionId, replyId, "#restore-form", new() { ["Input.Reason"] = "The link is fine." });

        Moderating.AssertRedirect(restored);
        var learnerView = (await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId))).QuerySelector($"#post-{replyId}")!;
        Assert.Contains("cheap watches", learnerView.TextContent, StringComparison.Ordinal);
        Assert.Equal([ModerationActionKind.Hide, ModerationActionKind.Restore], (await factory.AuditAsync(cohort.Id)).Select(a => a.Kind));
    }

    [Fact]
    public async Task A_locked_thread_refuses_replies_and_says_why()
    {
        var (cohort, author, _, moderator, reflectionId, _) = await ThreadAsync("Lock");

        using var locked = await factory.ModerateAsync(moderator, cohort, reflectionId, reflectionId, "#lock-form", new() { ["Input.Reason"] = "The week is over." });

        Moderating.AssertRedirect(locked);
        var page = await author.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        Assert.Null(page.QuerySelector("#reply-form"));
        Assert.Contains("The week is over.", page.QuerySelector(".locked-note")!.TextContent, StringComparison.Ordinal);
        var thread = await factory.ReflectionRowAsync(reflectionId);
        Assert.True(thread.IsLocked);
        Assert.Equal(ModerationActionKind.Lock, Assert.Single(await factory.AuditAsync(cohort.Id)).Kind);
    }

    [Fact]
    public async Task Pinned_reflections_lead_the_prompt_list()
    {
        var cohort = await factory.OpenCohortAsync("Pin");
        var first = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pia First"));
        var second = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Pekka Second"));
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);
        var older = await factory.WriteReflectionAsync(first, cohort, "Older.");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await factory.WriteReflectionAsync(second, cohort, "Newer.");

        using var pinned = await factory.ModerateAsync(moderator, cohort, older, older, "#pin-form");

        Moderating.AssertRedirect(pinned);
        var list = (await second.GetDocumentAsync(factory.PromptUrl(cohort))).QuerySelectorAll("[data-reflection-id]").Select(e => e.GetAttribute("data-reflection-id")).ToList();
        Assert.Equal([older.ToString(), newer.ToString()], list);
        Assert.Equal(ModerationActionKind.Pin, Assert.Single(await factory.AuditAsync(cohort.Id)).Kind);
    }

    [Fact]
    public async Task A_moderator_edit_shows_in_the_edit_history()
    {
        var (cohort, _, peer, moderator, reflectionId, replyId) = await ThreadAsync("Edit");

        using var edited = await factory.ModerateAsync(moderator, cohort, reflectionId, replyId, "#moderator-edit-form",
            new() { ["Input.Body"] = "[link removed]", ["Input.Reason"] = "No advertising." });

        Moderating.AssertRedirect(edited);
        Assert.Contains("[link removed]", (await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId))).QuerySelector($"#post-{replyId}")!.TextContent, StringComparison.Ordinal);
        var history = await moderator.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId) + $"/posts/{replyId}/history");
        Assert.Contains("cheap watches", history.QuerySelector(".revision-source:not(:first-of-type)")?.TextContent ?? history.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(history.QuerySelector(".moderator-edit-mark"));
        Assert.Equal(ModerationActionKind.Edit, Assert.Single(await factory.AuditAsync(cohort.Id)).Kind);
    }

    [Fact]
    public async Task Purging_is_for_institution_admins_and_asks_for_confirmation()
    {
        var (cohort, _, _, moderator, reflectionId, replyId) = await ThreadAsync("Purge");
        var admin = await factory.CreateClientAsAsync(await factory.AdminAsync("purge-admin@a.test"));
        var instructorPage = await moderator.GetDocumentAsync(factory.ModerateUrl(cohort, reflectionId, replyId));
        Assert.Null(instructorPage.QuerySelector("#purge-form"));
        using var byInstructor = await moderator.PostAsPersonAsync(factory.ModerateUrl(cohort, reflectionId, replyId) + "?handler=Purge",
            new() { ["Input.Reason"] = "Gone.", ["Input.Confirm"] = "true" }, factory.ModerateUrl(cohort, reflectionId, replyId));

        using var unconfirmed = await factory.ModerateAsync(admin, cohort, reflectionId, replyId, "#purge-form", new() { ["Input.Reason"] = "Gone." });
        var stillThere = await factory.ReplyRowAsync(replyId);
        using var confirmed = await factory.ModerateAsync(admin, cohort, reflectionId, replyId, "#purge-form", new() { ["Input.Reason"] = "Gone.", ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Forbidden, byInstructor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal(PostStatus.Visible, stillThere.Status);
        Moderating.AssertRedirect(confirmed);
        var purged = await factory.ReplyRowAsync(replyId);
        Assert.Equal((PostStatus.Deleted, ""), (purged.Status, purged.BodySource));
        Assert.Equal(ModerationActionKind.Purge, Assert.Single(await factory.AuditAsync(cohort.Id)).Kind);
    }

    [Fact]
    public async Task The_audit_log_refuses_to_be_changed_by_the_database_itself()
    {
        var (cohort, _, _, moderator, reflectionId, replyId) = await ThreadAsync("Append only");
        using var hidden = await factory.ModerateAsync(moderator, cohort, reflectionId, replyId, "#hide-form", new() { ["Input.Reason"] = "Original reason." });

        var update = await Record.ExceptionAsync(() => factory.QueryAsync(db => db.ModerationActions.Where(a => a.CohortId == cohort.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "Rewritten."))));
        var delete = await Record.ExceptionAsync(() => factory.QueryAsync(db => db.ModerationActions.Where(a => a.CohortId == cohort.Id).ExecuteDeleteAsync()));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Equal("Original reason.", Assert.Single(await factory.AuditAsync(cohort.Id)).Reason);
    }

    [Fact]
    public async Task The_audit_log_lists_actions_with_filters_and_exports_csv_with_formulas_defused()
    {
        var (cohort, _, _, moderator, reflectionId, replyId) = await ThreadAsync("Audit");
        using var hidden = await factory.ModerateAsync(moderator, cohort, reflectionId, replyId, "#hide-form", new() { ["Input.Reason"] = "=HYPERLINK(\"http://evil.test\")" });
        using var locked = await factory.ModerateAsync(moderator, cohort, reflectionId, reflectionId, "#lock-form", new() { ["Input.Reason"] = "Closed." });
        using var unlocked = await factory.ModerateAsync(moderator, cohort, reflectionId, reflectionId, "#lock-form", new() { ["Input.Reason"] = "@SUM(1+1)" });

        var page = await moderator.GetDocumentAsync(factory.Url($"/moderation/audit?cohort={cohort.Id}"));
        var onlyLocks = await moderator.GetDocumentAsync(factory.Url($"/moderation/audit?cohort={cohort.Id}&action=Lock"));
        using var csv = await moderator.GetAsync(factory.Url($"/moderation/audit?handler=Csv&cohort={cohort.Id}"));
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal(["Unlock", "Lock", "Hide"], page.QuerySelectorAll("table.audit-log tbody tr").Select(r => r.GetAttribute("data-action")));
        Assert.Equal(["Lock"], onlyLocks.QuerySelectorAll("table.audit-log tbody tr").Select(r => r.GetAttribute("data-action")));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.test\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Closed.\"", text, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(1+1)\"", text, StringComparison.Ordinal);
        Assert.StartsWith("\"at\",\"cohort\",", text, StringComparison.Ordinal);

        // Dates in the institution's format (en-GB, day first), as a person types them into the filter.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(factory.A.TimeZoneId)).DateTime);
        string British(DateOnly d) => Uri.EscapeDataString(d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        var fromToday = await moderator.GetDocumentAsync(factory.Url($"/moderation/audit?cohort={cohort.Id}&from={British(today)}"));
        var untilYesterday = await moderator.GetDocumentAsync(factory.Url($"/moderation/audit?cohort={cohort.Id}&to={British(today.AddDays(-1))}"));
        Assert.Equal(3, fromToday.QuerySelectorAll("table.audit-log tbody tr").Length);
        Assert.Equal(Uri.UnescapeDataString(British(today)), fromToday.QuerySelector("#filter-from")!.GetAttribute("value"));
        Assert.Empty(untilYesterday.QuerySelectorAll("table.audit-log tbody tr"));
    }
}
