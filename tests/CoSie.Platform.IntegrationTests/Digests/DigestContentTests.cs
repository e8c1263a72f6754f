using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoSie.Platform.IntegrationTests.Digests;

public sealed class DigestContentTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private async Task<MimeMessage> OnlyMailToAsync(PlatformUser user)
    {
        var mails = factory.Mail.To(user.Email!);
        return Assert.Single(mails);
    }

    [Fact]
    public async Task Each_member_gets_new_reflections_replies_to_their_posts_mentions_and_the_next_module()
    {
        var cohort = await factory.CohortAsync("Content cohort");
        var aino = await factory.PersonAsync(cohort, "Aino");
        var bartek = await factory.PersonAsync(cohort, "Bartek");
        var carmen = await factory.PersonAsync(cohort, "Carmen");
        var ainos = await factory.ReflectionAsync(cohort, factory.P1, aino, "Aino thinks libraries spread it.");
        var barteks = await factory.ReflectionAsync(cohort, factory.P1, bartek, "Bartek saw it in **Gdańsk** housing.");
        factory.Advance(TimeSpan.FromHours(1));
        await factory.ReplyAsync(ainos, bartek, "Bartek answers Aino about libraries.");
        var carmens = await factory.ReplyAsync(barteks, carmen, "Carmen asks @Aino about Gdańsk.");
        await factory.MentionAsync(cohort, aino, barteks, carmens.Id, carmen);

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var mail = await OnlyMailToAsync(aino);
        Assert.Contains("Content cohort", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("1 new reflection", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("1 reply to you", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("1 mention", mail.Subject, StringComparison.Ordinal);
        var text = mail.TextBody;
        Assert.Contains("Bartek saw it in Gdańsk housing.", text, StringComparison.Ordinal);
        Assert.Contains("Bartek answers Aino about libraries.", text, StringComparison.Ordinal);
        Assert.Contains("Carmen asks @Aino about Gdańsk.", text, StringComparison.Ordinal);
        Assert.Contains("Where did co-creation spread?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Aino thinks libraries", text, StringComparison.Ordinal);
        // Aino has not answered the module's second prompt yet.
        Assert.Contains("Spreading co-creation", text, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5000/dig-a/cohorts/{cohort.Id}/reflections/{barteks.Id}", text, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5000/dig-a/courses/co-creation/spreading", text, StringComparison.Ordinal);
        Assert.Contains("Bartek saw it in Gdańsk housing.", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);

        var bartekMail = await OnlyMailToAsync(bartek);
        Assert.Contains("Aino thinks libraries spread it.", bartekMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Carmen asks @Aino", bartekMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("mentions", bartekMail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pinned_reflections_are_listed_whenever_they_were_written_unless_hidden_or_already_read()
    {
        var cohort = await factory.CohortAsync("Pinned cohort", postFirst: false);
        var reader = await factory.PersonAsync(cohort, "Pin reader");
        var peer = await factory.PersonAsync(cohort, "Pin peer");
        var hidden = await factory.PersonAsync(cohort, "Pin hidden");
        var old = await factory.ReflectionAsync(cohort, factory.P1, peer, "PINNED-OLD-TEXT");
        var gone = await factory.ReflectionAsync(cohort, factory.P2, hidden, "PINNED-HIDDEN-TEXT", PostStatus.HiddenByModerator);
        await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            foreach (var reflection in await db.Reflections.Where(r => r.Id == old.Id || r.Id == gone.Id).ToListAsync())
            {
                reflection.IsPinned = true;
                reflection.PinnedAt = factory.Clock.GetUtcNow();
            }
            return await db.SaveChangesAsync();
        });
        // Something new as well, so that the digest is sent; pins alone are not news.
        factory.AdvanceTo(factory.NextSlot(cohort) - TimeSpan.FromHours(2));
        await factory.ReflectionAsync(cohort, factory.P2, peer, "NEW-THIS-WEEK");
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var text = (await OnlyMailToAsync(reader)).TextBody;
        Assert.Contains("Pinned by your instructors", text, StringComparison.Ordinal);
        Assert.Contains("PINNED-OLD-TEXT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PINNED-HIDDEN-TEXT", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_deleted_foreign_and_still_editable_posts_are_left_out_until_they_settle()
    {
        var cohort = await factory.CohortAsync("Exclusions", postFirst: false);
        var other = await factory.CohortAsync("Other cohort", postFirst: false);
        var reader = await factory.PersonAsync(cohort, "Reader");
        var peer = await factory.PersonAsync(cohort, "Peer");
        var hider = await factory.PersonAsync(cohort, "Hidden author");
        var deleter = await factory.PersonAsync(cohort, "Deleting author");
        var stranger = await factory.PersonAsync(other, "Stranger");
        await factory.ReflectionAsync(cohort, factory.P1, peer, "VISIBLE-TEXT");
        await factory.ReflectionAsync(cohort, factory.P1, hider, "HIDDEN-TEXT", PostStatus.HiddenByModerator);
        await factory.ReflectionAsync(cohort, factory.P1, deleter, "DELETED-TEXT", PostStatus.Deleted);
        await factory.ReflectionAsync(other, factory.P1, stranger, "OTHER-COHORT-TEXT");
        await ForeignReflectionAsync("FOREIGN-INSTITUTION-TEXT");

        var slot = factory.NextSlot(cohort);
        factory.AdvanceTo(slot - TimeSpan.FromMinutes(10));
        await factory.ReflectionAsync(cohort, factory.P2, peer, "LATE-TEXT");
        factory.AdvanceTo(slot);
        await factory.DeliverAsync(cohort);

        var text = (await OnlyMailToAsync(reader)).TextBody;
        Assert.Contains("VISIBLE-TEXT", text, StringComparison.Ordinal);
        foreach (var absent in new[] { "HIDDEN-TEXT", "DELETED-TEXT", "OTHER-COHORT-TEXT", "FOREIGN-INSTITUTION-TEXT", "LATE-TEXT" })
        {
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        }

        // Still inside its edit window at the slot, the late post waits for the next digest.
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);
        var next = factory.Mail.To(reader.Email!)[^1].TextBody;
        Assert.Contains("LATE-TEXT", next, StringComparison.Ordinal);
        Assert.DoesNotContain("VISIBLE-TEXT", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_who_has_not_posted_gets_a_nudge_instead_of_peers_reflections()
    {
        var cohort = await factory.CohortAsync("Post first");
        var shy = await factory.PersonAsync(cohort, "Shy");
        var writer = await factory.PersonAsync(cohort, "Writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "PEER-REFLECTION");

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var mail = await OnlyMailToAsync(shy);
        Assert.DoesNotContain("PEER-REFLECTION", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("PEER-REFLECTION", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("1 peer answered “Where did co-creation spread?”. Post your own reflection to read theirs.", mail.TextBody, StringComparison.Ordinal);
        // The instructor is not held back.
        Assert.Contains(factory.Mail.To(factory.Instructor.Email!), m => m.TextBody?.Contains("PEER-REFLECTION", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_week_with_nothing_new_sends_nothing()
    {
        var cohort = await factory.CohortAsync("Quiet cohort");
        var quiet = await factory.PersonAsync(cohort, "Quiet");

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        Assert.Empty(factory.Mail.To(quiet.Email!));
        var delivery = Assert.Single(await factory.DeliveriesAsync(cohort), d => d.UserId == quiet.Id);
        Assert.Equal(DigestDeliveryStatus.SkippedEmpty, delivery.Status);
    }

    [Fact]
    public async Task Members_who_left_and_unconfirmed_or_disabled_accounts_get_nothing()
    {
        var cohort = await factory.CohortAsync("Leavers", postFirst: false);
        var stays = await factory.PersonAsync(cohort, "Stays");
        var leaves = await factory.PersonAsync(cohort, "Leaves");
        var unconfirmed = await factory.PersonAsync(cohort, "Unconfirmed", confirmed: false);
        var disabled = await factory.PersonAsync(cohort, "Disabled");
        var writer = await factory.PersonAsync(cohort, "Writer");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "SOMETHING-NEW");
        await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.UserId == leaves.Id).ExecuteDeleteAsync());
        await factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = (await users.FindByIdAsync(disabled.Id.ToString()))!;
            user.IsDisabled = true;
            return await users.UpdateAsync(user);
        });

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        Assert.Single(factory.Mail.To(stays.Email!));
        foreach (var nobody in new[] { leaves, unconfirmed, disabled })
        {
            Assert.Empty(factory.Mail.To(nobody.Email!));
        }
        var deliveries = await factory.DeliveriesAsync(cohort);
        Assert.DoesNotContain(deliveries, d => d.UserId == leaves.Id || d.UserId == unconfirmed.Id || d.UserId == disabled.Id);
    }

    [Fact]
    public async Task What_a_member_already_read_on_the_site_is_not_repeated()
    {
        var cohort = await factory.CohortAsync("Readers", postFirst: false);
        var reader = await factory.PersonAsync(cohort, "Reader");
        var writer = await factory.PersonAsync(cohort, "Writer");
        var read = await factory.ReflectionAsync(cohort, factory.P1, writer, "ALREADY-READ");
        await factory.ReflectionAsync(cohort, factory.P2, writer, "NOT-YET-READ");
        factory.Advance(TimeSpan.FromHours(2));
        await factory.VisitAsync(reader, read);

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var text = (await OnlyMailToAsync(reader)).TextBody;
        Assert.Contains("NOT-YET-READ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ALREADY-READ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digests_carry_one_click_unsubscribe_headers_a_stable_message_id_and_no_injected_headers()
    {
        var cohort = await factory.CohortAsync("Headers", postFirst: false);
        var reader = await factory.PersonAsync(cohort, "Mallory\r\nBcc: victim@evil.test");
        var writer = await factory.PersonAsync(cohort, "<b>Eve</b>\r\nX-Injected: yes");
        await factory.ReflectionAsync(cohort, factory.P1, writer, "Header test reflection.");

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var mail = await OnlyMailToAsync(reader);
        var delivery = Assert.Single(await factory.DeliveriesAsync(cohort), d => d.UserId == reader.Id);
        Assert.Equal(DigestDeliveryStatus.Sent, delivery.Status);
        Assert.Equal($"digest-{delivery.Id:N}@localhost", mail.MessageId);
        Assert.Equal(delivery.MessageId, mail.MessageId);
        Assert.Matches(@"^<http://localhost:5000/unsubscribe/[A-Za-z0-9_-]+>$", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.False(mail.Headers.Contains("Bcc"));
        Assert.False(mail.Headers.Contains("X-Injected"));
        Assert.DoesNotContain(mail.Bcc.Mailboxes, m => m.Address == "victim@evil.test");
        Assert.DoesNotContain("\n", mail.To.Mailboxes.Single().Name, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Eve&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Alpha &lt;University&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Eve</b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Mallory", mail.TextBody, StringComparison.Ordinal);
    }

    private async Task ForeignReflectionAsync(string text)
    {
        var course = await factory.CourseAsync(factory.B, "b-course", "B course");
        var module = await factory.ModuleAsync(factory.B, course, "b", "B", ["B prompt"]);
        var cohort = await Seed.CohortAsync(factory, factory.B, course, "B cohort");
        var author = await Seed.PersonInCohortAsync(factory, factory.B, cohort, "Foreigner");
        await Seed.ReflectionAsync(factory, factory.B, cohort, module.Prompts[0], author, text);
    }
}
