using CoSie.Platform.Web.Content;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Demo;

// The "Autumn cohort" of the demo course: the demo instructor and three learners, post-first on, and a living
// discussion on the seed module's prompts (reflections from a few days ago with a short reply tree). Bartek has
// not answered the second prompt, so signing in as him shows the post-first gate. Runs inside the demo
// institution's scope; skipped when the cohort exists. One reply is flagged, for the instructor's moderation queue, and
// one proposed prompt with a support waits for the instructor's decision.
public sealed class DemoDiscussion(PlatformDbContext db, UserManager<PlatformUser> users, MarkdownRenderer markdown, TimeProvider clock, ILogger<DemoDiscussion> logger)
{
    public const string CohortName = "Autumn cohort";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Cohorts.AnyAsync(c => c.Name == CohortName, cancellationToken))
        {
            return;
        }
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Slug == DemoCourse.CourseSlug, cancellationToken);
        var prompts = course is null ? [] : await (
            from p in db.ReflectionPrompts
            join m in db.Modules on p.ModuleId equals m.Id
            where m.CourseId == course.Id && p.CohortId == null
            orderby m.Position, p.Position
            select p).Take(2).ToListAsync(cancellationToken);
        if (course is null || prompts.Count == 0)
        {
            return;
        }
        var ines = await PersonAsync("instructor@cosie.example");
        var aino = await PersonAsync("aino@cosie.example");
        var bartek = await PersonAsync("bartek@cosie.example");
        var carmen = await PersonAsync("carmen@cosie.example");

        var now = clock.GetUtcNow();
        var cohort = new Cohort
        {
            Name = CohortName,
            CourseId = course.Id,
            StartsOn = DateOnly.FromDateTime(now.AddDays(-14).UtcDateTime),
            EndsOn = DateOnly.FromDateTime(now.AddDays(60).UtcDateTime),
            PostFirst = true,
            ExpectedPeerReplies = 2,
            CreatedAt = now.AddDays(-14),
        };
        cohort.Members.Add(new CohortMember { UserId = ines, Role = CohortRole.Instructor, JoinedAt = now.AddDays(-14) });
        foreach (var learner in new[] { aino, bartek, carmen })
        {
            cohort.Members.Add(new CohortMember { UserId = learner, Role = CohortRole.Learner, JoinedAt = now.AddDays(-13) });
        }
        db.Cohorts.Add(cohort);

        var first = prompts[0].Id;
        var ainoFirst = Reflect(cohort, first, aino, now.AddDays(-3),
            "In our pilot the turning point was **trust**: residents joined the design sessions once the city stopped presenting finished plans.\n\n- small meetings in the library\n- a shared notebook of ideas\n\nWhat made it spread was people telling their neighbours.");
        var bartekFirst = Reflect(cohort, first, bartek, now.AddDays(-2).AddHours(-5),
            "We learned that co-creation spreads when a *manager* protects the time it takes. Without that, the pilot stays a pilot.");
        Reflect(cohort, first, carmen, now.AddDays(-2),
            "> Spreading is not copying.\n\nWe adapted the method to each district instead of rolling out one template.");
        var second = prompts.Count > 1 ? prompts[1].Id : first;
        if (second != first)
        {
            Reflect(cohort, second, aino, now.AddDays(-1), "Young people were hardest to reach; we went to the schools rather than waiting for them.");
            Reflect(cohort, second, carmen, now.AddHours(-20), "Older residents without internet access. Paper surveys helped, slowly.");
        }

        var reply1 = Reply(ainoFirst, null, bartek, now.AddDays(-2).AddHours(-4), "Did the library meetings have a facilitator from the city, or from the residents?");
        var reply2 = Reply(ainoFirst, reply1, aino, now.AddDays(-2).AddHours(-3), "From the residents, after the first two. That was the point where it started to feel like theirs.");
        Reply(ainoFirst, reply2, carmen, now.AddDays(-2).AddHours(-1), "@Aino Virtanen that matches what we saw: handing over the facilitation was the real spread.");
        Reply(ainoFirst, null, ines, now.AddDays(-1).AddHours(-6), "Good thread. Notice how *trust* and *ownership* come up in both replies: we will return to that in module 3.");
        Reply(bartekFirst, null, carmen, now.AddDays(-1).AddHours(-2), "Agreed. Our manager changed midway and we nearly lost the whole pilot.");
        // One flagged reply, so that the instructor's moderation queue has something in it.
        var spam = Reply(bartekFirst, null, carmen, now.AddHours(-3), "Off topic, but: my cousin sells **cheap conference tickets**, 50% off this week at tickets.example!");
        db.Flags.Add(new Flag
        {
            CohortId = cohort.Id,
            ReflectionId = bartekFirst.Id,
            PostId = spam.Id,
            FlaggerId = aino,
            Reason = FlagReason.Spam,
            Note = "Advertising in our discussion.",
            CreatedAt = now.AddHours(-2),
        });

        // A prompt Carmen proposed for the first module, which Aino and Bartek support: the instructor's decision is still
        // open (the adopted one is DemoCoCreation's).
        var proposal = new PromptProposal
        {
            CohortId = cohort.Id,
            ModuleId = prompts[0].ModuleId,
            AuthorId = carmen,
            Text = "Which group in your district would you invite first to co-create, and how would you reach them?",
            Why = "Several of us wrote about people who were hard to reach; I would like to hear concrete first steps.",
            CreatedAt = now.AddHours(-10),
            SupportCount = 2,
        };
        db.PromptProposals.Add(proposal);
        db.ProposalSupports.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = aino, CreatedAt = now.AddHours(-8) });
        db.ProposalSupports.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = bartek, CreatedAt = now.AddHours(-7) });

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo cohort {Cohort} with a discussion", CohortName);
    }

    private Reflection Reflect(Cohort cohort, Guid promptId, Guid authorId, DateTimeOffset at, string text)
    {
        var reflection = new Reflection
        {
            CohortId = cohort.Id,
            PromptId = promptId,
            AuthorId = authorId,
            BodySource = text,
            BodyHtml = markdown.RenderPost(text),
            CreatedAt = at,
            LastActivityAt = at,
        };
        db.Reflections.Add(reflection);
        db.ThreadEvents.Add(reflection.Record(ThreadEventKind.ReflectionPosted, reflection.Id, at));
        return reflection;
    }

    private Reply Reply(Reflection thread, Reply? parent, Guid authorId, DateTimeOffset at, string text)
    {
        var reply = thread.AddReply(parent, authorId, text, markdown.RenderPost(text), at);
        db.Replies.Add(reply);
        db.ThreadEvents.Add(thread.Record(ThreadEventKind.ReplyPosted, reply.Id, at));
        return reply;
    }

    private async Task<Guid> PersonAsync(string email) =>
        (await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"The demo person {email} is missing.")).Id;
}
