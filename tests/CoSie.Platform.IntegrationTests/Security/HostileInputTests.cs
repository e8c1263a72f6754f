using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Digests;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoSie.Platform.IntegrationTests.Security;

// Script-bearing input, posted through the real forms, must come back as text: no script of its own, no event
// handler attributes, no javascript: or data:text/html links, wherever it is shown (pages, live updates, digests).
public sealed partial class HostileInputTests(DiscussionFactory factory, DigestFactory digests) : IClassFixture<DiscussionFactory>, IClassFixture<DigestFactory>
{
    private static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "[x](javascript:alert(1))",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">",
        "<b><i>unclosed",
        // Zero-width characters that hide a scheme. (A text-direction override is refused at the boundary, PlainText.)
        "evil\u200B [click](java\u200Dscript:alert(1)) <a href=\"java\u200Dscript:alert(1)\">x</a>",
        "[y]( JaVaScRiPt:alert(1) ) <a href=\" javascript:alert(1)\" onclick=\"alert(1)\">z</a>",
    ];

    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Payloads() => [.. Corpus];

    private static string Slug(string payload) => $"hostile-{Array.IndexOf(Corpus, payload)}";

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Reflection_and_reply_bodies_are_stored_and_shown_inert(string payload)
    {
        var cohort = await factory.OpenCohortAsync($"Hostile posts {Slug(payload)}");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hostile Author"));
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hostile Peer"));

        var reflectionId = await factory.WriteReflectionAsync(author, cohort, payload);
        var replyId = await factory.ReplyAsync(peer, cohort, reflectionId, payload);

        var stored = await factory.QueryAsync(async db => new[]
        {
            await db.Reflections.Where(r => r.Id == reflectionId).Select(r => r.BodyHtml).SingleAsync(),
            await db.Replies.Where(r => r.Id == replyId).Select(r => r.BodyHtml).SingleAsync(),
        });
        foreach (var html in stored)
        {
            AssertInert(Parser.ParseDocument(html), "stored body");
        }
        AssertInert(await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId)), "thread page");
        AssertInert(await author.GetDocumentAsync(factory.PromptUrl(cohort)), "prompt page");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_display_name_is_shown_inert_in_the_account_and_as_an_author(string payload)
    {
        var cohort = await factory.OpenCohortAsync($"Hostile names {Slug(payload)}");
        var user = await factory.LearnerAsync(cohort, "Plain Name");
        var client = await factory.CreateClientAsAsync(user);
        var peer = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Name Reader"));

        using var saved = await client.SubmitAsync("/Account/Manage", new Dictionary<string, string> { ["Input.DisplayName"] = payload });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        AssertInert(await client.GetDocumentAsync("/Account/Manage"), "account page");
        var reflectionId = await factory.WriteReflectionAsync(client, cohort, "Who wrote this?");
        AssertInert(await peer.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId)), "thread page");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_course_title_is_shown_inert(string payload)
    {
        var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var created = await client.SubmitAsync(factory.Url("/courses/new"), new Dictionary<string, string>
        {
            ["Input.Title"] = payload,
            ["Input.Slug"] = Slug(payload),
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        AssertInert(await client.GetDocumentAsync(created.Headers.Location!.OriginalString), "course page");
        AssertInert(await client.GetDocumentAsync(factory.Url("/cohorts/new")), "course choice");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_cohort_name_is_shown_inert(string payload)
    {
        var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var created = await client.SubmitAsync(factory.Url($"/cohorts/new?course={factory.Course.Id}"), new Dictionary<string, string>
        {
            ["Input.Name"] = payload,
            ["Input.StartsOn"] = "2026-11-09",
            ["Input.DigestDay"] = "Friday",
            ["Input.DigestHour"] = "17",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        AssertInert(await client.GetDocumentAsync(created.Headers.Location!.OriginalString), "cohort page");
        AssertInert(await client.GetDocumentAsync(factory.Url("/cohorts")), "cohort list");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_modules_title_body_prompt_and_literature_are_shown_inert(string payload)
    {
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var cohort = await factory.OpenCohortAsync($"Hostile module {Slug(payload)}");
        var learner = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Module Reader"));

        using var created = await instructor.SubmitAsync(factory.Url($"/courses/{factory.Course.Slug}/modules/new"), new Dictionary<string, string>
        {
            ["Input.Title"] = payload,
            ["Input.Slug"] = $"{Slug(payload)}-module",
            ["Input.Format"] = "Html",
            ["Input.Body"] = payload,
            ["Input.Prompts[0].Text"] = payload,
            ["Input.Literature"] = payload,
            ["command"] = "publish",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var moduleUrl = created.Headers.Location!.OriginalString;
        AssertInert(await instructor.GetDocumentAsync(moduleUrl), "module page (instructor)");
        AssertInert(await instructor.GetDocumentAsync(factory.Url($"/courses/{factory.Course.Slug}")), "course page");
        var module = await learner.GetDocumentAsync(moduleUrl);
        AssertInert(module, "module page (learner)");
        var prompt = module.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .First(href => href.Contains($"/cohorts/{cohort.Id}/prompts/", StringComparison.Ordinal));
        AssertInert(await learner.GetDocumentAsync(prompt), "prompt page");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task An_institutions_name_is_shown_inert(string payload)
    {
        var admin = await factory.CreateClientAsAsync(await factory.UserAsync($"platform-{Slug(payload)}@hostile.test", platformAdmin: true));

        using var created = await admin.SubmitAsync("/admin/institutions/new", new Dictionary<string, string>
        {
            ["Input.Slug"] = $"{Slug(payload)}-inst",
            ["Input.Name"] = payload,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        AssertInert(await admin.GetDocumentAsync("/admin/institutions"), "institution list");
        AssertInert(await admin.GetDocumentAsync($"/{Slug(payload)}-inst"), "institution home");
    }

    // A flag's note reaches the moderators' queue; a hide reason reaches the author and the moderators on the thread.
    [Fact]
    public async Task Flag_notes_and_hide_reasons_are_shown_inert()
    {
        var cohort = await factory.OpenCohortAsync("Hostile moderation");
        var authorUser = await factory.LearnerAsync(cohort, "Flagged Author");
        var author = await factory.CreateClientAsAsync(authorUser);
        var flagger = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Hostile Flagger"));
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Flag me.");
        var postUrl = factory.Url($"/cohorts/{cohort.Id}/reflections/{reflectionId}/posts/{reflectionId}");
        var hostile = string.Join(" ", Corpus);

        using (var flagged = await flagger.SubmitAsync(postUrl + "/flag", new Dictionary<string, string> { ["Input.Reason"] = "Other", ["Input.Note"] = hostile }))
        {
            Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        }
        AssertInert(await moderator.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/moderation")), "moderation queue");

        using (var hidden = await moderator.SubmitAsync(postUrl + "/moderate", new Dictionary<string, string> { ["Input.Reason"] = hostile }, "#hide-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        }
        AssertInert(await author.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId)), "thread page (author)");
        AssertInert(await moderator.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId)), "thread page (moderator)");
        AssertInert(await moderator.GetDocumentAsync(postUrl + "/moderate"), "moderation page");
        AssertInert(await moderator.GetDocumentAsync(factory.Url("/moderation/audit")), "audit log");
        AssertInert(await author.GetDocumentAsync(factory.Url("/notifications")), "notifications");
    }

    [Fact]
    public async Task A_live_reply_carries_inert_html()
    {
        var cohort = await factory.OpenCohortAsync("Hostile live");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Live Hostile"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Watch.");
        await using var reader = await LiveClient.ConnectAsync(factory, await factory.LearnerAsync(cohort, "Live Reader"));
        Assert.True((await reader.JoinAsync(factory.A.Slug, reflectionId, afterSequence: 1)).Joined);

        var replyId = await factory.ReplyAsync(author, cohort, reflectionId, string.Join("\n\n", Corpus));

        var message = await reader.NextAsync<ThreadEventMessage>("ReplyPosted");
        Assert.Equal(replyId, message.PostId);
        Assert.Contains($"id=\"post-{replyId}\"", message.Html, StringComparison.Ordinal);
        AssertInert(Parser.ParseDocument(message.Html!), "live reply");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_reflection_reaches_the_digest_inert_in_html_and_as_plain_text(string payload)
    {
        var cohort = await digests.CohortAsync($"Hostile digest {Slug(payload)}", postFirst: false);
        var author = await digests.PersonAsync(cohort, "Digest Author");
        var reader = await digests.PersonAsync(cohort, "Digest Reader");
        await digests.ReflectionAsync(cohort, digests.P1, author, payload);
        digests.Advance(TimeSpan.FromHours(1));

        digests.AdvanceTo(digests.NextSlot(cohort));
        await digests.DeliverAsync(cohort);

        var mail = Assert.Single(digests.Mail.To(reader.Email!));
        var html = Parser.ParseDocument(mail.HtmlBody ?? string.Empty);
        AssertInert(html, "digest html");
        var byline = html.QuerySelectorAll("td > div").First(d => d.TextContent.Contains("Digest Author", StringComparison.Ordinal));
        var excerpt = byline.NextElementSibling!.TextContent;
        Assert.Contains(excerpt, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", mail.TextBody, StringComparison.Ordinal);
    }

    // A WordPress title is HTML (title.rendered): as markup it reaches the preview as its text; entity-encoded it is that
    // markup as text. A Markdown title is text, from the front matter or the leading heading. All of them stay text on
    // the preview, and on the course and module pages once imported.
    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Imported_titles_are_shown_inert_in_the_preview_and_the_result(string payload)
    {
        var course = await factory.CourseAsync(factory.A, $"{Slug(payload)}-import", "Hostile import");
        var instructor = await factory.CreateClientAsAsync(factory.Instructor);
        var importUrl = factory.Url($"/courses/{course.Slug}/import");
        var asMarkup = WordPressPage("as-markup", payload);
        var asText = WordPressPage("as-text", WebUtility.HtmlEncode(payload));
        var frontMatter = $"---\ntitle: {JsonSerializer.Serialize(payload)}\nslug: from-front-matter\n---\n\nA page.\n";
        var heading = $"# {payload}\n\nA page.\n";
        var imported = 0;

        foreach (var (name, file) in new[] { ("as-markup.json", asMarkup), ("as-text.json", asText), ("front-matter.md", frontMatter), ("heading.md", heading) })
        {
            using var preview = await instructor.ImportAsync(factory, importUrl, "upload", name, Encoding.UTF8.GetBytes(file));
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var document = await preview.ParseAsync();
            AssertInert(document, $"import preview ({name})");
            if (name == "as-markup.json" && document.QuerySelector("form.import-preview") is null)
            {
                // Markup without text (an image, an svg) leaves no title: refused with a message, nothing imported.
                Assert.Contains("has no title", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
                continue;
            }
            if (name != "as-markup.json")
            {
                Assert.Equal(payload, document.QuerySelector("input[name='Pages[0].Title']")!.GetAttribute("value"));
            }
            using var confirmed = await instructor.PostFormAsync(importUrl, (IHtmlFormElement)document.QuerySelector("form.import-preview")!, new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            imported++;
        }

        var slugs = await factory.QueryAsync(db => db.Modules.Where(m => m.CourseId == course.Id).Select(m => m.Slug).ToListAsync());
        Assert.Equal(imported, slugs.Count);
        Assert.True(imported >= 3);
        AssertInert(await instructor.GetDocumentAsync(factory.Url($"/courses/{course.Slug}")), "course page after the import");
        foreach (var slug in slugs)
        {
            AssertInert(await instructor.GetDocumentAsync(factory.Url($"/courses/{course.Slug}/{slug}")), $"imported module {slug}");
        }
    }

    // The account mails greet the person by the display name they chose: the confirmation sent at registration and the
    // password reset. The HTML part keeps the name text; the text part carries it as typed.
    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_display_name_reaches_the_account_mails_inert_in_html_and_as_typed_in_text(string payload)
    {
        var address = $"{Slug(payload)}-{Guid.NewGuid():N}@account.test";
        var client = factory.CreateBrowserLikeClient();
        const string password = "a long and unremarkable passphrase";

        using var registered = await client.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = address,
            ["Input.DisplayName"] = payload,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var confirmation = await factory.Mail.WaitForMailToAsync(address, "Confirm your");
        // A reset is mailed to confirmed addresses only.
        (await client.GetAsync(confirmation.LinkTo("/Account/ConfirmEmail"))).Dispose();
        using var asked = await factory.CreateBrowserLikeClient().SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = address });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var reset = await factory.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address) && m != confirmation);

        foreach (var (name, mail) in new[] { ("confirmation", confirmation), ("password reset", reset) })
        {
            var html = Parser.ParseDocument(mail.HtmlBody ?? string.Empty);
            AssertInert(html, $"{name} html");
            Assert.Contains(AsMailed(payload), html.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(AsMailed(payload), mail.TextBody ?? string.Empty, StringComparison.Ordinal);
        }
    }

    // A roster invitation names the cohort, its course, the inviter and the invited person; the HTML part must keep each
    // of them text, the text part must carry them as typed.
    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_roster_invitation_mail_carries_the_names_inert_in_html_and_as_typed_in_text(string payload)
    {
        var course = await factory.CourseAsync(factory.A, $"{Slug(payload)}-roster", payload);
        var cohort = await factory.OpenCohortAsync(payload);
        await factory.UpdateCohortAsync(cohort, c => c.CourseId = course.Id);
        var inviter = await factory.PersonInCohortAsync(cohort, CohortRole.Instructor, payload);
        var client = await factory.CreateClientAsAsync(inviter);
        var address = $"{Slug(payload)}-{Guid.NewGuid():N}@invited.test";
        var rosterUrl = factory.Url($"/cohorts/{cohort.Id}/roster");

        using var uploaded = await client.UploadRosterAsync(rosterUrl, Encoding.UTF8.GetBytes($"email,name,role\n{address},\"{payload.Replace("\"", "\"\"", StringComparison.Ordinal)}\",learner\n"));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        AssertInert(await uploaded.ParseAsync(), "roster results");
        AssertInert(await client.GetDocumentAsync(rosterUrl), "roster page");
        var mail = await factory.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address));
        var html = Parser.ParseDocument(mail.HtmlBody ?? string.Empty);
        AssertInert(html, "invitation html");
        var text = mail.TextBody ?? string.Empty;
        // Greeting, inviter, cohort and course: the payload four times in each part, as text.
        Assert.Equal(4, Occurrences(html.Body!.TextContent, AsMailed(payload)));
        Assert.Equal(4, Occurrences(text, AsMailed(payload)));
        Assert.Contains(AsMailed(payload), mail.Subject, StringComparison.Ordinal);
    }

    // Besides the reflection itself, a digest shows the institution, cohort, author, reader and prompt, and for learners
    // the next module's title.
    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Names_and_titles_reach_the_digest_inert_in_html_and_as_typed_in_text(string payload)
    {
        var (cohort, prompt) = await DigestCohortAsync($"{Slug(payload)}-digest", payload);
        var author = await digests.PersonAsync(cohort, payload);
        var reader = await digests.PersonAsync(cohort, payload);
        await digests.ReflectionAsync(cohort, prompt, author, "A plain reflection.");
        digests.Advance(TimeSpan.FromHours(1));

        digests.AdvanceTo(digests.NextSlot(cohort));
        await digests.DeliverAsync(cohort);

        var mail = Assert.Single(digests.Mail.To(reader.Email!));
        var html = Parser.ParseDocument(mail.HtmlBody ?? string.Empty);
        AssertInert(html, "digest html");
        var text = mail.TextBody ?? string.Empty;
        // Reader (greeting), cohort (twice), author, prompt and the next module in both parts; the HTML heads it with the
        // cohort once more.
        Assert.Equal(6, Occurrences(text, AsMailed(payload)));
        Assert.Equal(7, Occurrences(html.Body!.TextContent, AsMailed(payload)));
        Assert.Contains(AsMailed(payload), mail.Subject, StringComparison.Ordinal);
    }

    // Names with line breaks, bidi overrides and isolates, and other C0 and C1 controls, written straight into the
    // database past any input validation, and how a mail must show them: on one line, without the controls.
    public static TheoryData<string, string> ControlNames() => new()
    {
        { "Mallory\r\nReset your password: https://evil.test/reset\r\n", "Mallory Reset your password: https://evil.test/reset" },
        { "\u202Egnp.exe\u202C Mallory \u2066Isolated\u2069 \u202Atext\u202B \u202D", "gnp.exe Mallory Isolated text" },
        { "Bell\u0007Esc\u001B[31mRed\u0085Next\u009BLine\tTab\u2028Sep", "Bell Esc [31mRed Next Line Tab Sep" },
    };

    // Every account mail: the confirmation (sent again), the reset, the note about a second registration, the link to
    // confirm a new address and the notice that it changed, from inside an institution whose name is hostile too.
    [Theory]
    [MemberData(nameof(ControlNames))]
    public async Task A_control_character_in_a_name_never_reaches_an_account_mail_raw(string raw, string shown)
    {
        var slug = $"controls-{Guid.NewGuid():N}"[..20];
        await factory.InstitutionAsync(slug, raw);
        var confirmed = await factory.UserAsync($"{slug}-{Guid.NewGuid():N}@controls.test", "Plain Name");
        var unconfirmed = await factory.UserAsync($"{slug}-{Guid.NewGuid():N}@controls.test", "Plain Name", confirmed: false);
        await NameStraightInDatabaseAsync(factory, raw, confirmed.Id, unconfirmed.Id);
        var client = factory.CreateBrowserLikeClient();
        var newAddress = $"{slug}-moved-{Guid.NewGuid():N}@controls.test";

        await PostAsync(client, $"/{slug}/Account/ResendConfirmation", new() { ["Input.Email"] = unconfirmed.Email! });
        await PostAsync(client, $"/{slug}/Account/ForgotPassword", new() { ["Input.Email"] = confirmed.Email! });
        await PostAsync(client, $"/{slug}/Account/Register", new()
        {
            ["Input.Email"] = confirmed.Email!,
            ["Input.DisplayName"] = "Someone Else",
            ["Input.Password"] = Seed.Password,
            ["Input.ConfirmPassword"] = Seed.Password,
        });
        await client.AuthenticateAs(factory, confirmed);
        await PostAsync(client, $"/{slug}/Account/Manage/Email", new() { ["Input.NewEmail"] = newAddress });
        var change = await factory.Mail.WaitForMailToAsync(newAddress, "Confirm your new address");
        (await client.GetAsync(change.LinkTo("/Account/Manage/ConfirmEmailChange"))).Dispose();

        AssertNoRawControls(await factory.Mail.WaitForMailToAsync(unconfirmed.Email!, "Confirm your"), shown, "confirmation");
        AssertNoRawControls(await factory.Mail.WaitForMailToAsync(confirmed.Email!, "Choose a new password"), shown, "password reset");
        AssertNoRawControls(await factory.Mail.WaitForMailToAsync(confirmed.Email!, "tried to register"), shown, "registration attempt");
        AssertNoRawControls(change, shown, "address change");
        AssertNoRawControls(await factory.Mail.WaitForMailToAsync(confirmed.Email!, "sign-in address has changed"), shown, "address changed notice");
    }

    // The invited person's name comes from the roster (whose reader drops controls but not bidi), the inviter's, the
    // cohort's and the course's from the database.
    [Theory]
    [MemberData(nameof(ControlNames))]
    public async Task A_control_character_in_a_name_never_reaches_an_invitation_raw(string raw, string shown)
    {
        var slug = $"controls-{Guid.NewGuid():N}"[..20];
        var course = await factory.CourseAsync(factory.A, slug, raw);
        var cohort = await factory.OpenCohortAsync(raw);
        await factory.UpdateCohortAsync(cohort, c => c.CourseId = course.Id);
        var inviter = await factory.PersonInCohortAsync(cohort, CohortRole.Instructor, "Plain Inviter");
        await NameStraightInDatabaseAsync(factory, raw, inviter.Id);
        var client = await factory.CreateClientAsAsync(inviter);
        var address = $"{slug}@invited.test";

        using var uploaded = await client.UploadRosterAsync(factory.Url($"/cohorts/{cohort.Id}/roster"),
            Encoding.UTF8.GetBytes($"email,name,role\n{address},\"{raw.Replace("\"", "\"\"", StringComparison.Ordinal)}\",learner\n"));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        AssertNoRawControls(await factory.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address)), shown, "invitation");
    }

    // The reader, the author, the cohort, the prompt, the next module and the reflection itself; and the test mail of the
    // preview, addressed to an instructor with such a name.
    [Theory]
    [MemberData(nameof(ControlNames))]
    public async Task A_control_character_in_a_name_never_reaches_a_digest_raw(string raw, string shown)
    {
        var slug = $"controls-{Guid.NewGuid():N}"[..20];
        var (cohort, prompt) = await DigestCohortAsync(slug, raw);
        var author = await digests.PersonAsync(cohort, "Plain Author");
        var reader = await digests.PersonAsync(cohort, "Plain Reader");
        var instructor = await digests.PersonAsync(cohort, "Plain Instructor", CohortRole.Instructor);
        await NameStraightInDatabaseAsync(digests, raw, author.Id, reader.Id, instructor.Id);
        await digests.ReflectionAsync(cohort, prompt, author, raw);
        digests.Advance(TimeSpan.FromHours(1));
        var client = await digests.CreateClientAsAsync(instructor);

        using (var sent = await client.SubmitAsync($"/dig-a/cohorts/{cohort.Id}/digest?member={reader.Id}", new Dictionary<string, string>(), "form[action*='SendTest']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        digests.AdvanceTo(digests.NextSlot(cohort));
        await digests.DeliverAsync(cohort);

        AssertNoRawControls(Assert.Single(digests.Mail.To(reader.Email!)), shown, "digest");
        AssertNoRawControls(Assert.Single(digests.Mail.To(instructor.Email!), m => m.Subject?.StartsWith("[Test]", StringComparison.Ordinal) == true), shown, "digest test mail");
    }

    // A course named after the text, whose first module asks it as its prompt and whose next module is titled with it,
    // and a cohort of that course named after it (post-first off).
    private async Task<(Cohort Cohort, ReflectionPrompt Prompt)> DigestCohortAsync(string slug, string text)
    {
        var course = await digests.CourseAsync(digests.A, slug, text);
        var first = await digests.ModuleAsync(digests.A, course, "first", text, [text], m => m.Position = 1);
        await digests.ModuleAsync(digests.A, course, "next", text, [], m => m.Position = 2);
        var cohort = await Seed.CohortAsync(digests, digests.A, course, text, digests.Instructor, c => c.PostFirst = false);
        return (cohort, first.Prompts[0]);
    }

    private static Task<int> NameStraightInDatabaseAsync(PlatformFactory on, string name, params Guid[] userIds) =>
        on.WithServicesAsync(services => services.GetRequiredService<PlatformDbContext>().Users
            .Where(u => userIds.Contains(u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name)));

    private static async Task PostAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        using var response = await client.SubmitAsync(url, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} answered {(int)response.StatusCode}");
    }

    // The name is there, on one line and without its controls, in both parts; no header name, subject or part carries a
    // control character (the text part's own line breaks aside) or a bidi override or isolate; and no line of the text
    // part starts with what came after a line break in the name.
    private static void AssertNoRawControls(MimeMessage mail, string shown, string where)
    {
        var text = mail.TextBody ?? string.Empty;
        var htmlSource = mail.HtmlBody ?? string.Empty;
        var htmlText = Parser.ParseDocument(htmlSource).Body!.TextContent;
        Assert.Contains(shown, text, StringComparison.Ordinal);
        Assert.Contains(shown, htmlText, StringComparison.Ordinal);
        var headers = new[] { mail.Subject ?? string.Empty }
            .Concat(mail.To.Mailboxes.Concat(mail.From.Mailboxes).Select(m => m.Name ?? string.Empty));
        foreach (var value in headers)
        {
            Assert.False(value.Any(c => char.IsControl(c) || IsBidiControl(c)), $"{where}: a control character in the header value '{value}'");
        }
        foreach (var (part, value) in new[] { ("text", text), ("html", htmlSource), ("html text", htmlText) })
        {
            var bad = value.Where(c => (char.IsControl(c) && c is not ('\r' or '\n' or '\t')) || IsBidiControl(c) || c is '\u2028' or '\u2029').ToList();
            Assert.True(bad.Count == 0, $"{where}: {part} part carries {string.Join(" ", bad.Select(c => $"U+{(int)c:X4}"))}");
        }
        Assert.DoesNotContain(text.Split('\n'), line => line.TrimStart('\r', ' ').StartsWith("Reset your password: https://evil.test", StringComparison.Ordinal));
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // How a mail shows a payload of the corpus: as typed, without bidi embeddings, overrides and isolates.
    private static string AsMailed(string payload) => new([.. payload.Where(c => !IsBidiControl(c))]);

    private static string WordPressPage(string slug, string renderedTitle) =>
        JsonSerializer.Serialize(new { id = 1, type = "page", slug, title = new { rendered = renderedTitle }, content = new { rendered = "<p>A page.</p>" } });

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    // The check itself must notice what it is meant to catch, or every test above passes for nothing.
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<script src=\"https://evil.test/x.js\"></script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\" JavaScript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"data:text/html,<b>x</b>\"></iframe>")]
    public void The_inertness_check_catches_executable_markup(string html) =>
        Assert.ThrowsAny<Exception>(() => AssertInert(Parser.ParseDocument(html), "sample"));

    // The page's own scripts (served from /js/ and /lib/, under the institution's path or not; no inline code) are the
    // only ones allowed, and the discussion pages' import map, which maps only the page's own scripts to others.
    private static void AssertInert(IParentNode document, string where)
    {
        foreach (var element in document.QuerySelectorAll("*"))
        {
            if (element.LocalName == "script" && element.GetAttribute("type") == "importmap")
            {
                AssertOwnImportMap(element, where);
            }
            else if (element.LocalName == "script")
            {
                var src = element.GetAttribute("src") ?? string.Empty;
                Assert.True(OwnScript().IsMatch(src) && element.TextContent.Trim().Length == 0,
                    $"{where}: a script that is not the page's own: {element.OuterHtml}");
            }
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: an event handler: {element.OuterHtml}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    var value = attribute.Value.Trim();
                    Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase),
                        $"{where}: an executable link: {element.OuterHtml}");
                }
            }
        }
    }

    private static void AssertOwnImportMap(IElement map, string where)
    {
        Assert.False(string.IsNullOrEmpty(map.GetAttribute("nonce")), $"{where}: an import map without a nonce: {map.OuterHtml}");
        using var json = System.Text.Json.JsonDocument.Parse(map.TextContent);
        foreach (var part in json.RootElement.EnumerateObject())
        {
            Assert.True(part.Name is "imports" or "integrity", $"{where}: an import map with {part.Name}: {map.OuterHtml}");
            foreach (var entry in part.Value.EnumerateObject())
            {
                Assert.True(OwnScript().IsMatch(entry.Name), $"{where}: an import map entry for another script: {entry.Name}");
                Assert.True(part.Name == "integrity" || OwnScript().IsMatch(entry.Value.GetString() ?? string.Empty),
                    $"{where}: an import map that points elsewhere: {entry.Value}");
            }
        }
    }

    [GeneratedRegex("^/([a-z0-9-]+/)?(js|lib)/[A-Za-z0-9./_-]+\\.js(\\?v=[A-Za-z0-9_-]+)?$")]
    private static partial Regex OwnScript();
}
