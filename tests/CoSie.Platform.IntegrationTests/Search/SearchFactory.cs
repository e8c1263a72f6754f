using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.Search;

// The discussions' cohorts, plus a module written in Finnish in the same course, and institution B with a cohort
// whose reflection uses a word that nothing in A uses.
public class SearchFactory : DiscussionFactory
{
    public const string WordOnlyInB = "zanzibarian";

    public CourseModule FinnishModule { get; private set; } = null!;
    public ReflectionPrompt FinnishPrompt { get; private set; } = null!;
    public PlatformUser LearnerB { get; private set; } = null!;
    public PlatformUser AdminA { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        FinnishModule = await this.ModuleAsync(A, Course, "palvelut", "Palvelujen yhteiskehittäminen", ["Miten asukkaat osallistuivat kokeiluun?"], m =>
        {
            m.Language = "fi";
            m.Position = 1;
            m.BodyHtml = "<p>Kaupungit kehittävät palveluja yhdessä asukkaiden kanssa.</p>";
        });
        FinnishPrompt = FinnishModule.Prompts[0];
        AdminA = await this.MemberAsync(A, "admin@search-a.test", InstitutionRole.Admin);

        var courseB = await this.CourseAsync(B, "course-b", "Course of B");
        LearnerB = await this.MemberAsync(B, "learner@search-b.test", InstitutionRole.Learner);
        var moduleB = await this.ModuleAsync(B, courseB, "b", "B module", ["A question of B"], m => m.BodyHtml = "<p>B.</p>");
        var cohortB = await Seed.CohortAsync(this, B, courseB, "Cohort of B", configure: c => c.PostFirst = false);
        await Seed.CohortMemberAsync(this, B, cohortB, LearnerB);
        await this.ReflectionAsync(B, cohortB, moduleB.Prompts[0], LearnerB, $"The {WordOnlyInB} pilot.");
    }

    // An institution of its own whose module has no language of its own (so its posts are indexed in the institution's
    // default language), with a learner who reads the platform in English and a reflection of theirs.
    public async Task<(Institution Institution, PlatformUser Learner, Guid Reflection)> InstitutionWithAPostAsync(string slug, string body)
    {
        var institution = await this.InstitutionAsync(slug);
        var learner = await this.MemberAsync(institution, $"learner@{slug}.test", InstitutionRole.Learner);
        await this.UpdateUserAsync(learner.Email!, u => u.Language = "en");
        var course = await this.CourseAsync(institution, "course", "Course");
        var module = await this.ModuleAsync(institution, course, "module", "Module", ["Prompt"], m => m.BodyHtml = "<p>Module.</p>");
        var cohort = await Seed.CohortAsync(this, institution, course, "Cohort", configure: c => c.PostFirst = false);
        await Seed.CohortMemberAsync(this, institution, cohort, learner);
        var reflection = (await this.ReflectionAsync(institution, cohort, module.Prompts[0], learner, body)).Id;
        return (institution, learner, reflection);
    }

    public string SearchUrl(string query, string? more = null) => Url("/search?q=" + Uri.EscapeDataString(query) + (more is null ? "" : "&" + more));

    // A failed search says what the app logged, not only the error page.
    public async Task<IHtmlDocument> SearchAsync(HttpClient client, string query, string? more = null)
    {
        try
        {
            return await client.GetDocumentAsync(SearchUrl(query, more));
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException(e.Message + "\n" + string.Join("\n", Logs.Lines.Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception}")), e);
        }
    }

    public static IReadOnlyList<(string Kind, Guid Id)> Hits(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("li.search-hit").Select(li => (li.GetAttribute("data-kind")!, Guid.Parse(li.GetAttribute("data-id")!)))];

    public static IReadOnlyList<Guid> HitIds(IHtmlDocument page) => [.. Hits(page).Select(h => h.Id)];

    // A snippet's text as a reader sees it: runs of spaces and line breaks as one space.
    public static string SnippetText(IElement snippet) =>
        string.Join(' ', snippet.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
