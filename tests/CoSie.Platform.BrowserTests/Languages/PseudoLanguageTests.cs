using System.Text.RegularExpressions;
using CoSie.Platform.BrowserTests.Accessibility;
using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.Web.Localization;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Languages;

// The main pages read in the pseudo-languages, whose every word is accented and 40% longer: plain English left on a
// page is a text that bypasses the catalogue, and a page that scrolls sideways or clips text at 320 px cannot take a
// longer language. The right-to-left one proves the layout mirrors by translation alone.
[Collection(SharedChromium.Name)]
public sealed partial class PseudoLanguageTests(Chromium chromium, CosieSiteFactory app)
    : BrowserTest(chromium, app), IClassFixture<CosieSiteFactory>
{
    private const string Institution = CosieSiteFactory.Institution;
    private const string Course = $"/{Institution}/courses/{SeedCourses.CosieCourseSlug}";
    private const string Module = $"{Course}/{SeedCourses.CosieModuleSlug}";

    public static TheoryData<string, string, bool> Pages() => new()
    {
        { "institution-home", $"/{Institution}", false },
        { "course", Course, false },
        { "module", Module, false },
        { "module-editor", Module + "/edit", true },
        { "import", Course + "/import", true },
        { "new-cohort", $"/{Institution}/cohorts/new", true },
        { "my-cohorts", $"/{Institution}/cohorts", true },
        { "profile", $"/{Institution}/Account/Manage", true },
        { "sign-in", $"/{Institution}/Account/Login", false },
        { "registration", $"/{Institution}/Account/Register", false },
        { "forgot-password", $"/{Institution}/Account/ForgotPassword", false },
        { "language", $"/{Institution}/language", false },
        { "search", $"/{Institution}/search?q=4711", true },
        { "not-found", $"/{Institution}/no-such-page", false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_word_on_the_page_comes_from_the_catalogue(string name, string path, bool asInstructor)
    {
        var page = await PageInAsync(PlatformLanguages.Pseudo, asInstructor);
        await page.GotoAsync(path);
        await ScreenshotAsync(page, name);

        Assert.Equal(PlatformLanguages.Pseudo, await page.Locator("html").GetAttributeAsync("lang"));
        var content = await ContentAsync();
        var english = (await TextsAsync(page))
            .Select(text => Address().Replace(text, " "))
            .Select(text => content.Aggregate(text, (rest, known) => rest.Replace(known, " ", StringComparison.Ordinal)))
            .Where(rest => Word().IsMatch(rest))
            .Distinct()
            .ToList();
        Assert.True(english.Count == 0, $"{path} shows text outside the catalogue:\n" + string.Join("\n", english));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Longer_words_fit_at_320_pixels_without_sideways_scrolling_or_clipping(string name, string path, bool asInstructor)
    {
        foreach (var language in new[] { PlatformLanguages.Pseudo, PlatformLanguages.PseudoRightToLeft })
        {
            var page = await PageInAsync(language, asInstructor);
            await page.SetViewportSizeAsync(320, 800);
            await page.GotoAsync(path);
            await ScreenshotAsync(page, $"{name}-{language}-320");

            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > 321 || r.left < -1); })
                    .filter(e => !e.closest('.visually-hidden, .skip-link'))
                    .slice(0, 8)
                    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px: ' + e.textContent.trim().slice(0, 60))
                """);
            Assert.True(width <= 320, $"{path} in {language} is {width} px wide at 320 px:\n" + string.Join("\n", wide));
            var clipped = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => !e.closest('.visually-hidden, .skip-link, [hidden], script, style, template, select, option'))
                    .filter(e => { const s = getComputedStyle(e); return ['hidden', 'clip'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1; })
                    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': ' + e.textContent.trim().slice(0, 60))
                """);
            Assert.True(clipped.Length == 0, $"{path} in {language} clips text:\n" + string.Join("\n", clipped));
        }
    }

    [Fact]
    public async Task A_right_to_left_language_mirrors_the_layout()
    {
        var page = await PageInAsync(PlatformLanguages.PseudoRightToLeft, asInstructor: false);
        await page.GotoAsync(Module);
        await ScreenshotAsync(page, "module-rtl");

        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        // The header reads from the right: the brand, first in the source, sits right of the navigation links.
        var brand = await page.Locator(".site-nav .brand").BoundingBoxAsync();
        var links = await page.Locator(".site-nav .nav-links").BoundingBoxAsync();
        Assert.True(brand!.X > links!.X, $"The brand ({brand.X}) is not right of the links ({links.X}) in a right-to-left page.");
        // The reflection prompts' list starts on the right edge of the content.
        var main = await page.Locator("main").BoundingBoxAsync();
        var heading = await page.Locator("main h1").BoundingBoxAsync();
        Assert.True(heading!.X + heading.Width > main!.X + main.Width - 40, "The module's title does not start at the right edge.");
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("pl")]
    [InlineData("el")]
    public async Task The_main_pages_have_no_serious_axe_violations_in_other_languages(string language)
    {
        foreach (var path in new[] { Module, $"/{Institution}/Account/Login", $"/{Institution}/Account/Register", Course })
        {
            var page = await PageInAsync(language, asInstructor: false);
            await page.GotoAsync(path);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));

            var result = await page.RunAxe();

            Assert.NotEmpty(result.Passes);
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{path} in {language} has serious accessibility violations:\n" + string.Join("\n", serious.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")));
        }
    }

    private async Task<IPage> PageInAsync(string language, bool asInstructor)
    {
        var page = asInstructor ? await OpenSignedInPageAsync(CosieSiteFactory.Instructor, Institution) : await OpenPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = LanguageCookie.Name, Value = language, Url = App.ServerAddress.ToString() }]);
        return page;
    }

    // Visible text in the page's own language: text nodes and the labels screen readers read, leaving out content
    // that declares another language (a module's body, the picker's language names).
    private static async Task<string[]> TextsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
            const own = document.documentElement.lang;
            const texts = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('script, style, template, [hidden], [translate=no]')) continue;
                if ((parent.closest('[lang]')?.getAttribute('lang') ?? own) !== own) continue;
                const text = node.textContent.trim();
                if (text) texts.push(text);
            }
            for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
                if ((element.closest('[lang]')?.getAttribute('lang') ?? own) !== own) continue;
                for (const name of ['aria-label', 'title', 'placeholder']) {
                    const value = element.getAttribute(name);
                    if (value) texts.push(value);
                }
            }
            return texts;
        }
        """);

    // What people wrote rather than the platform: names, titles and texts of the institution, its courses, modules
    // and cohorts, and the people in it. They stay as written in every language.
    private async Task<IReadOnlyList<string>> ContentAsync() =>
        await App.InInstitutionAsync(((CosieSiteFactory)App).Cosie.Id, async (_, db) =>
        {
            var content = new List<string> { "CoSIE Demo", "CoSIE" };
            content.AddRange(await db.Institutions.Select(i => i.TimeZoneId).ToListAsync());
            // Dates and day names come from the formats' CLDR data, not the catalogue; the pseudo-languages take
            // British formats.
            content.AddRange(System.Globalization.CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.DayNames);
            content.AddRange(await db.Courses.Select(c => c.Title).ToListAsync());
            content.AddRange((await db.Courses.Select(c => c.Summary).ToListAsync()).OfType<string>());
            content.AddRange(await db.Modules.Select(m => m.Title).ToListAsync());
            var prompts = await db.ReflectionPrompts.Select(p => p.Text).ToListAsync();
            content.AddRange(prompts);
            // The module page names each prompt by its shortened text.
            content.AddRange(prompts.Select(p => CoSie.Platform.Web.Features.Courses.PromptExcerpt.Of(p)));
            content.AddRange(await db.Cohorts.Select(c => c.Name).ToListAsync());
            content.AddRange((await db.Users.Select(u => new { u.DisplayName, u.Email }).ToListAsync()).SelectMany(u => new[] { u.DisplayName, u.Email ?? string.Empty }));
            // Longest first, so a title is removed whole before a shorter one inside it.
            return (IReadOnlyList<string>)content.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().OrderByDescending(c => c.Length).ToList();
        });

    // A web address someone wrote is theirs, in any language.
    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Address();

    // Three plain ASCII letters in a row: no pseudo-language word has them.
    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Word();
}
