using System.Text.Json;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Digests;

// A synthesis the cohort closed goes into the next digest, once, as its readable text with a link; a hidden one, an
// open one and another institution's do not.
public sealed class DigestSynthesisTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private Task<CohortSynthesis> SynthesisAsync(Institution institution, Cohort cohort, CourseModule module, Dictionary<string, string> texts, bool closed = true, bool hidden = false) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var synthesis = new CohortSynthesis
            {
                CohortId = cohort.Id,
                ModuleId = module.Id,
                Texts = JsonSerializer.Serialize(texts),
                CreatedAt = now,
                UpdatedAt = now,
                IsHidden = hidden,
            };
            if (closed)
            {
                synthesis.Close(factory.Instructor.Id, shareWithLaterCohorts: false, now);
            }
            db.CohortSyntheses.Add(synthesis);
            await db.SaveChangesAsync();
            return synthesis;
        });

    [Fact]
    public async Task A_synthesis_closed_since_the_last_digest_is_mailed_with_its_sections_escaped_and_a_link_once()
    {
        var cohort = await factory.CohortAsync("Synthesis digest");
        var reader = await factory.PersonAsync(cohort, "Sini Reader");
        factory.Advance(TimeSpan.FromMinutes(1));
        await SynthesisAsync(factory.A, cohort, factory.First, new()
        {
            ["agree"] = "Services improve when users help <b>design</b> them.\nStart small.",
            ["differ"] = "",
            ["questions"] = "Who pays?",
            ["try"] = "",
        });
        await SynthesisAsync(factory.A, cohort, factory.Second, new() { ["agree"] = "STILL-OPEN-TEXT" }, closed: false);

        // Another institution's cohort closes a synthesis at the same moment.
        var course = await factory.CourseAsync(factory.B, "b-synthesis", "B synthesis");
        var module = await factory.ModuleAsync(factory.B, course, "b-mod", "B module", ["B prompt"]);
        var foreign = await Seed.CohortAsync(factory, factory.B, course, "B synthesis cohort");
        await SynthesisAsync(factory.B, foreign, module, new() { ["agree"] = "FOREIGN-SYNTHESIS-TEXT" });

        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);

        var mail = Assert.Single(factory.Mail.To(reader.Email!));
        var text = mail.TextBody;
        Assert.Contains("Your cohort's synthesis of “Spreading co-creation”", text, StringComparison.Ordinal);
        Assert.Contains("What we agree on", text, StringComparison.Ordinal);
        Assert.Contains("Services improve when users help <b>design</b> them.", text, StringComparison.Ordinal);
        Assert.Contains("Start small.", text, StringComparison.Ordinal);
        Assert.Contains("Open questions", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Where we differ", text, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5000/dig-a/cohorts/{cohort.Id}/modules/{factory.First.Id}/synthesis", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STILL-OPEN-TEXT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FOREIGN-SYNTHESIS-TEXT", text, StringComparison.Ordinal);
        Assert.Contains("<p style=\"margin:4px 0;\">Services improve when users help &lt;b&gt;design&lt;/b&gt; them.</p>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>design</b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("FOREIGN-SYNTHESIS-TEXT", mail.HtmlBody, StringComparison.Ordinal);

        // The next week: closed before that period, it is not news again (and alone it sends nothing).
        factory.AdvanceTo(factory.NextSlot(cohort) + TimeSpan.FromMinutes(1));
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.DeliverAsync(cohort);
        Assert.Single(factory.Mail.To(reader.Email!));
    }

    [Fact]
    public async Task A_closed_synthesis_alone_is_news_and_a_hidden_one_is_not()
    {
        var shown = await factory.CohortAsync("Synthesis alone");
        var shownReader = await factory.PersonAsync(shown, "Alone Reader");
        factory.Advance(TimeSpan.FromMinutes(1));
        await SynthesisAsync(factory.A, shown, factory.Second, new() { ["try"] = "A citizen panel." });
        var hidden = await factory.CohortAsync("Synthesis hidden");
        var hiddenReader = await factory.PersonAsync(hidden, "Hidden Reader");
        factory.Advance(TimeSpan.FromMinutes(1));
        await SynthesisAsync(factory.A, hidden, factory.Second, new() { ["try"] = "HIDDEN-SYNTHESIS-TEXT" }, hidden: true);

        factory.AdvanceTo(factory.NextSlot(shown));
        await factory.DeliverAsync(shown);
        await factory.DeliverAsync(hidden);

        var mail = Assert.Single(factory.Mail.To(shownReader.Email!));
        Assert.Contains("A citizen panel.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("What we would try", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(factory.Mail.To(hiddenReader.Email!));
    }
}
