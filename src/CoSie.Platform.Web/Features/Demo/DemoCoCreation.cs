using System.Text.Json;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Synthesis;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Demo;

// The co-creation of the demo cohort: a prompt Bartek proposed that the instructor adopted and two learners answered,
// and the cohort's synthesis of the first module, written by Aino, Bartek and Carmen. The synthesis is a real Yjs
// document made by the server's own Yjs (YjsRuntime), one edit per person and paragraph under that person's client id,
// so the page loads it, edits merge into it and attribution names its writers. Runs inside the demo institution's scope
// after DemoDiscussion; each part is skipped once it exists, so a demo seeded before this part gets it on the next run.
public sealed class DemoCoCreation(PlatformDbContext db, UserManager<PlatformUser> users, YjsRuntime yjs, MarkdownRenderer markdown, TimeProvider clock, ILogger<DemoCoCreation> logger)
{
    public const string AdoptedPromptText = "What would you stop doing first, so that residents have room to co-create?";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Name == DemoDiscussion.CohortName, cancellationToken);
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Slug == DemoCourse.CourseSlug, cancellationToken);
        var module = course is null ? null : await db.Modules.Where(m => m.CourseId == course.Id).OrderBy(m => m.Position).FirstOrDefaultAsync(cancellationToken);
        if (cohort is null || module is null)
        {
            return;
        }
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var email in (string[])["instructor@cosie.example", "aino@cosie.example", "bartek@cosie.example", "carmen@cosie.example"])
        {
            people[email] = (await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"The demo person {email} is missing.")).Id;
        }
        var now = clock.GetUtcNow();
        await AdoptedProposalAsync(cohort, module, people, now, cancellationToken);
        await SynthesisAsync(cohort, module, people, now, cancellationToken);
    }

    private async Task AdoptedProposalAsync(Cohort cohort, CourseModule module, Dictionary<string, Guid> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.PromptProposals.AnyAsync(p => p.CohortId == cohort.Id && p.Status == ProposalStatus.Adopted, cancellationToken))
        {
            return;
        }
        var (ines, aino, bartek, carmen) = (people["instructor@cosie.example"], people["aino@cosie.example"], people["bartek@cosie.example"], people["carmen@cosie.example"]);
        var proposal = new PromptProposal
        {
            CohortId = cohort.Id,
            ModuleId = module.Id,
            AuthorId = bartek,
            Text = "What would you stop doing, so that residents have room to co-create?",
            Why = "We keep adding meetings; my manager only agreed to the pilot once we dropped something else.",
            CreatedAt = now.AddDays(-6),
            SupportCount = 2,
            CommentCount = 1,
        };
        db.PromptProposals.Add(proposal);
        db.ProposalSupports.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = aino, CreatedAt = now.AddDays(-6).AddHours(2) });
        db.ProposalSupports.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = carmen, CreatedAt = now.AddDays(-5) });
        db.ProposalComments.Add(new ProposalComment
        {
            ProposalId = proposal.Id,
            AuthorId = aino,
            Text = "Yes, please: we never talk about what we give up.",
            CreatedAt = now.AddDays(-6).AddHours(3),
        });
        // Adopted in the instructor's words, after the module's own prompts.
        var last = await db.ReflectionPrompts.Where(p => p.ModuleId == module.Id).MaxAsync(p => (int?)p.Position, cancellationToken);
        var prompt = proposal.Adopt(AdoptedPromptText, (last ?? -1) + 1, now.AddDays(-4));
        db.ReflectionPrompts.Add(prompt);
        db.Notifications.Add(new Notification
        {
            UserId = bartek,
            Kind = NotificationKind.ProposalAdopted,
            CohortId = cohort.Id,
            ProposalId = proposal.Id,
            ActorId = ines,
            CreatedAt = now.AddDays(-4),
        });
        Reflect(cohort, prompt.Id, aino, now.AddDays(-3).AddHours(4),
            "The monthly progress report nobody reads. The hours it takes would pay for two evenings with residents.");
        Reflect(cohort, prompt.Id, carmen, now.AddDays(-2).AddHours(6),
            "Presenting finished plans at public hearings. We would bring *questions* instead, and the draft only afterwards.");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded an adopted learner proposal in the demo cohort {Cohort}", cohort.Name);
    }

    private async Task SynthesisAsync(Cohort cohort, CourseModule module, Dictionary<string, Guid> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Someone may have opened the synthesis page already, which makes an empty one: that one is filled.
        var synthesis = await db.CohortSyntheses.SingleOrDefaultAsync(s => s.CohortId == cohort.Id && s.ModuleId == module.Id, cancellationToken);
        if (synthesis is { Version: > 0 })
        {
            return;
        }
        if (synthesis is null)
        {
            synthesis = new CohortSynthesis { CohortId = cohort.Id, ModuleId = module.Id, CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-2) };
            db.CohortSyntheses.Add(synthesis);
        }
        var (aino, bartek, carmen) = (people["aino@cosie.example"], people["bartek@cosie.example"], people["carmen@cosie.example"]);
        // Two sittings a day apart (two revisions in the history), each paragraph added by its writer.
        (Guid Person, string Section, string Paragraph, DateTimeOffset At)[] edits =
        [
            (aino, "agree", "Trust grows when residents lead the meetings, not the city: handing over facilitation was the real turning point.", now.AddDays(-2)),
            (carmen, "agree", "Spreading is adapting the method to each district, not copying one template.", now.AddDays(-2).AddMinutes(3)),
            (bartek, "differ", "Whether a pilot needs a manager who protects its time, or whether residents can carry it on their own.", now.AddDays(-2).AddMinutes(5)),
            (carmen, "questions", "How do we reach people without internet access without slowing everyone else down?", now.AddDays(-2).AddMinutes(8)),
            (aino, "try", "Hand the facilitation to residents after the second meeting.", now.AddDays(-1)),
            (bartek, "try", "Ask managers to set aside co-creation hours in next year's budget, and drop one report to pay for them.", now.AddDays(-1).AddMinutes(4)),
            (bartek, "questions", "Which of our reports could we stop writing?", now.AddDays(-1).AddMinutes(6)),
        ];
        var texts = SynthesisSections.All.ToDictionary(s => s, _ => string.Empty, StringComparer.Ordinal);
        var state = synthesis.State;
        SynthesisRevision? revision = null;
        uint client = 1_000;
        foreach (var (person, section, paragraph, at) in edits)
        {
            var text = texts[section].Length == 0 ? paragraph : texts[section] + "\n" + paragraph;
            // A new client id for each edit, as the server gives each form edit (Yjs renames a client id it finds
            // already in the document); fixed numbers keep the seed the same on every machine.
            client++;
            var merged = yjs.Edit(state, null, section, text, client, SynthesisRules.MaxLength);
            if (!merged.Accepted || merged.Texts is null)
            {
                throw new InvalidOperationException($"Yjs refused the demo synthesis edit: {merged.Error}");
            }
            state = merged.StateBytes;
            texts = merged.Texts;
            db.SynthesisClients.Add(new SynthesisClient { SynthesisId = synthesis.Id, ClientId = client, UserId = person });
            synthesis.Version++;
            db.SynthesisEdits.Add(new SynthesisEdit
            {
                SynthesisId = synthesis.Id,
                UserId = person,
                At = at,
                Sections = section,
                Bytes = paragraph.Length,
                Kind = SynthesisEditKind.Form,
            });
            var serialized = JsonSerializer.Serialize(texts);
            if (revision is null || at - revision.StartedAt >= SynthesisRules.RevisionEvery)
            {
                revision = new SynthesisRevision { SynthesisId = synthesis.Id, StartedAt = at, EditCount = 0 };
                db.SynthesisRevisions.Add(revision);
            }
            revision.At = at;
            revision.Version = synthesis.Version;
            revision.Texts = serialized;
            revision.EditCount++;
            synthesis.UpdatedAt = at;
        }
        synthesis.State = state;
        synthesis.Texts = JsonSerializer.Serialize(texts);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo cohort's synthesis of {Module}", module.Title);
    }

    private void Reflect(Cohort cohort, Guid promptId, Guid authorId, DateTimeOffset at, string text)
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
    }
}
