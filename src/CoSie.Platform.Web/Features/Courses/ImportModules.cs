using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses;

// Turns reviewed import pages into draft modules of a course, all or nothing.
public sealed class ImportModules(
    PlatformDbContext db, ModuleEditing editing, HtmlContentSanitizer sanitizer, TimeProvider clock, IOptions<ImportLimits> limits,
    IStringLocalizer<ImportModules> localizer)
{
    // Pages start in the institution's language; the instructor corrects any page written in another.
    // Without a localizer (the demo's seeding, which nobody previews) the notes are left out.
    public static List<ImportPageInput> ToInputs(IReadOnlyList<ImportedModule> modules, string? language, IStringLocalizer? localizer = null) =>
        modules.Select(m => new ImportPageInput
        {
            Title = m.Title,
            Slug = m.Slug,
            Language = language,
            BodyHtml = m.BodyHtml,
            Prompts = [.. m.Prompts],
            PromptReasons = [.. m.PromptReasons],
            PostType = m.PostType,
            Literature = string.Join('\n', m.Literature.Select(l => InlineMarkdown.FromHtml(l.Html))),
            SourceKind = m.SourceKind.ToString().ToLowerInvariant(),
            SourceUrl = m.SourceUrl,
            SourceId = m.SourceId,
            SiteBaseUrl = m.SourceSiteBaseUrl,
            Warnings = localizer is null ? [] : [.. m.Notes.Where(n => n.IsWarning).Select(localizer.Describe).Distinct()],
            Changes = [.. m.ContentNotes, .. localizer is null ? [] : m.Notes.Where(n => !n.IsWarning).Select(localizer.Describe).Distinct()],
        }).ToList();

    // The reviewed bodies come back from the browser, so the upload's bounds on nesting and elements hold for them
    // again before anything cleans them.
    public bool FitsLimits(string html, int elementBudget) =>
        HtmlNestingScan.Scan(html, limits.Value.MaxDepth, elementBudget).Problem == HtmlNestingProblem.None;

    public bool FitsLimits(string html) => FitsLimits(html, limits.Value.MaxElements);

    public async Task<bool> ValidateAsync(Course course, List<ImportPageInput> pages, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var included = pages.Select((page, index) => (page, index)).Where(p => p.page.Include).ToList();
        if (included.Count == 0)
        {
            modelState.AddModelError(string.Empty, localizer["Choose at least one page to import."]);
            return false;
        }
        var existing = await db.Modules.Where(m => m.CourseId == course.Id).Select(m => m.Slug).ToListAsync(cancellationToken);
        var taken = new HashSet<string>(existing, StringComparer.Ordinal);
        var elementBudget = limits.Value.MaxElements;
        foreach (var (page, index) in included)
        {
            var scan = HtmlNestingScan.Scan(page.BodyHtml, limits.Value.MaxDepth, elementBudget);
            elementBudget -= scan.Elements;
            if (scan.Problem != HtmlNestingProblem.None)
            {
                modelState.AddModelError(
                    $"Pages[{index}].BodyHtml",
                    localizer[
                        "Page {page} is past the import limits (HTML nested at most {depth} deep, at most {max, plural, one {# element} other {# elements}} in all); upload the file again.",
                        index + 1, limits.Value.MaxDepth, limits.Value.MaxElements]);
                return false;
            }

            page.Slug = Slugs.Choose(Slugs.Module, page.Slug, page.Title);
            var key = $"Pages[{index}].Slug";
            if (Slugs.Problem(Slugs.Module, page.Slug) is { } problem)
            {
                modelState.AddModelError(key, localizer.Describe(problem, Slugs.Module, page.Slug));
            }
            else if (!taken.Add(page.Slug))
            {
                modelState.AddModelError(key, localizer["“{slug}” is already used by a module of this course or by another page of this import.", page.Slug]);
            }
            if (page.Prompts.Count(p => !string.IsNullOrWhiteSpace(p)) > ModuleEditing.MaxPrompts)
            {
                modelState.AddModelError($"Pages[{index}].Prompts", localizer["A module has at most {count, plural, one {# prompt} other {# prompts}}.", ModuleEditing.MaxPrompts]);
            }
            if (page.Prompts.Any(p => p?.Length > ReflectionPrompt.MaxLength))
            {
                modelState.AddModelError($"Pages[{index}].Prompts", localizer["A prompt has at most {max, plural, one {# character} other {# characters}}.", ReflectionPrompt.MaxLength]);
            }
        }
        return modelState.IsValid;
    }

    // moduleHref gives the address of a module of this course by slug, for links between imported pages.
    public async Task<IReadOnlyList<CourseModule>> CreateAsync(Course course, List<ImportPageInput> pages, string? fileName, Func<string, string> moduleHref, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var included = pages.Where(p => p.Include).ToList();
        var slugs = new HashSet<string>(await db.Modules.Where(m => m.CourseId == course.Id).Select(m => m.Slug).ToListAsync(cancellationToken), StringComparer.Ordinal);
        slugs.UnionWith(included.Select(p => p.Slug!));
        var position = await db.Modules.Where(m => m.CourseId == course.Id).Select(m => (int?)m.Position).MaxAsync(cancellationToken) ?? -1;

        var created = new List<CourseModule>();
        foreach (var page in included)
        {
            var body = sanitizer.Sanitize(page.BodyHtml, cancellationToken);
            body = InternalLinkRewriter.Rewrite(body, page.SiteBaseUrl, slug => slugs.Contains(slug) ? moduleHref(slug) : null);
            var module = new CourseModule
            {
                CourseId = course.Id,
                Title = page.Title.Trim(),
                Slug = page.Slug!,
                Position = ++position,
                Status = ModuleStatus.Draft,
                Format = BodyFormat.Html,
                Language = PlatformLanguages.FindContent(page.Language),
                BodySource = body,
                BodyHtml = body,
                Literature = editing.LiteratureFrom(page.Literature),
                Provenance = new ModuleProvenance
                {
                    Kind = page.SourceKind,
                    SourceUrl = page.SourceUrl,
                    SourceId = page.SourceId,
                    FileName = fileName,
                    ImportedAt = now,
                },
                CreatedAt = now,
                UpdatedAt = now,
            };
            var promptPosition = 0;
            foreach (var prompt in page.Prompts.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                module.Prompts.Add(new ReflectionPrompt { ModuleId = module.Id, Text = prompt!.Trim(), Position = promptPosition++ });
            }
            db.Modules.Add(module);
            created.Add(module);
        }
        // One SaveChanges is one transaction: the whole file or nothing.
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
