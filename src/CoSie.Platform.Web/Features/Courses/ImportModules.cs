using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses;

// Turns reviewed import pages into modules of a course, all or nothing: a page whose source object a module of the
// course came from updates that module in place (ModuleProvenance.IsSameSource), every other page becomes a new draft.
public sealed class ImportModules(
    PlatformDbContext db, ModuleEditing editing, HtmlContentSanitizer sanitizer, PromptRemoval removal, TimeProvider clock, IOptions<ImportLimits> limits,
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
        var targets = await TargetsAsync(course, included.Select(p => p.page).ToList(), cancellationToken);
        var elementBudget = limits.Value.MaxElements;
        foreach (var ((page, index), target) in included.Zip(targets))
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

            // An update keeps the module's address, so links to it stay good.
            page.Slug = target?.Slug ?? Slugs.Choose(Slugs.Module, page.Slug, page.Title);
            var key = $"Pages[{index}].Slug";
            if (target is null && Slugs.Problem(Slugs.Module, page.Slug) is { } problem)
            {
                modelState.AddModelError(key, localizer.Describe(problem, Slugs.Module, page.Slug));
            }
            else if (target is null && !taken.Add(page.Slug))
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

    // For each page, the module of the course it would update (null: it becomes a new module), each module at most once.
    // The tenant filter and the course keep the match inside the course: a module elsewhere with the same source is never it.
    private async Task<List<CourseModule?>> TargetsAsync(Course course, IReadOnlyList<ImportPageInput> pages, CancellationToken cancellationToken)
    {
        var modules = await db.Modules.Include(m => m.Prompts.Where(p => p.CohortId == null))
            .Where(m => m.CourseId == course.Id).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        var claimed = new HashSet<Guid>();
        return pages.Select(page => modules.FirstOrDefault(m =>
                m.Provenance is { } provenance && !claimed.Contains(m.Id) && provenance.IsSameSource(page.SourceUrl, page.SourceId, page.SiteBaseUrl)))
            .Select(m =>
            {
                if (m is not null)
                {
                    claimed.Add(m.Id);
                }
                return m;
            })
            .ToList();
    }

    // What confirming would change, by page (null for a page that becomes a new module), for the preview.
    public async Task<IReadOnlyList<ModuleUpdate?>> FindUpdatesAsync(Course course, IReadOnlyList<ImportPageInput> pages, Func<string, string> moduleHref, CancellationToken cancellationToken)
    {
        var targets = await TargetsAsync(course, pages, cancellationToken);
        if (targets.All(t => t is null))
        {
            return targets.Select(_ => (ModuleUpdate?)null).ToList();
        }
        var slugs = await SlugsAsync(course, pages, targets, cancellationToken);
        var answered = await removal.AnsweredAsync(targets.OfType<CourseModule>().SelectMany(m => m.Prompts).Select(p => p.Id).ToList(), cancellationToken);
        var updates = new List<ModuleUpdate?>();
        foreach (var (page, module) in pages.Zip(targets))
        {
            if (module is null || !FitsLimits(page.BodyHtml))
            {
                updates.Add(null);
                continue;
            }
            var body = Body(page, slugs, moduleHref, cancellationToken);
            updates.Add(new ModuleUpdate(
                module.Id, module.Slug, module.Title,
                TitleChanged: !string.Equals(module.Title, page.Title.Trim(), StringComparison.Ordinal),
                BodyChanged: !string.Equals(module.BodyHtml, body, StringComparison.Ordinal),
                Prompts: Diff(module, page, answered)));
        }
        return updates;
    }

    // Saves the reviewed pages; returns the modules created, then those updated.
    public async Task<(IReadOnlyList<CourseModule> Created, IReadOnlyList<CourseModule> Updated)> SaveAsync(
        Course course, List<ImportPageInput> pages, string? fileName, Func<string, string> moduleHref, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var included = pages.Where(p => p.Include).ToList();
        var targets = await TargetsAsync(course, included, cancellationToken);
        var slugs = await SlugsAsync(course, included, targets, cancellationToken);
        var answered = await removal.AnsweredAsync(targets.OfType<CourseModule>().SelectMany(m => m.Prompts).Select(p => p.Id).ToList(), cancellationToken);
        var position = await db.Modules.Where(m => m.CourseId == course.Id).Select(m => (int?)m.Position).MaxAsync(cancellationToken) ?? -1;

        var created = new List<CourseModule>();
        var updated = new List<CourseModule>();
        foreach (var (page, target) in included.Zip(targets))
        {
            var body = Body(page, slugs, moduleHref, cancellationToken);
            var module = target ?? new CourseModule
            {
                CourseId = course.Id,
                Title = page.Title.Trim(),
                Slug = page.Slug!,
                Position = ++position,
                Status = ModuleStatus.Draft,
                CreatedAt = now,
            };
            var changes = Diff(module, page, answered);
            // An update keeps the module's address and whether it is published; everything the source gives is replaced.
            module.Title = page.Title.Trim();
            module.Format = BodyFormat.Html;
            module.Language = PlatformLanguages.FindContent(page.Language);
            module.BodySource = body;
            module.BodyHtml = body;
            module.Literature = editing.LiteratureFrom(page.Literature);
            module.Provenance = new ModuleProvenance
            {
                Kind = page.SourceKind,
                SourceUrl = page.SourceUrl,
                SourceId = page.SourceId,
                SiteBaseUrl = page.SiteBaseUrl,
                FileName = fileName,
                ImportedAt = now,
            };
            module.UpdatedAt = now;
            ApplyPrompts(module, changes);
            if (target is null)
            {
                db.Modules.Add(module);
                created.Add(module);
            }
            else
            {
                updated.Add(module);
            }
        }
        // One SaveChanges is one transaction: the whole file or nothing.
        await db.SaveChangesAsync(cancellationToken);
        return (created, updated);
    }

    // moduleHref gives the address of a module of this course by slug, for links between imported pages.
    public async Task<IReadOnlyList<CourseModule>> CreateAsync(Course course, List<ImportPageInput> pages, string? fileName, Func<string, string> moduleHref, CancellationToken cancellationToken) =>
        (await SaveAsync(course, pages, fileName, moduleHref, cancellationToken)).Created;

    private static IReadOnlyList<PromptChange> Diff(CourseModule module, ImportPageInput page, IReadOnlySet<Guid> answered) =>
        PromptDiff.Compare(
            module.Prompts.OrderBy(p => p.Position).Select(p => (p.Id, p.Text)).ToList(),
            page.Prompts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList(),
            answered);

    // Unchanged and reworded prompts stay the same prompts (their reflections with them), in the source's order; new ones
    // follow their place; answered ones the source dropped stay last (PromptRemoval); the rest go.
    private void ApplyPrompts(CourseModule module, IReadOnlyList<PromptChange> changes)
    {
        var existing = module.Prompts.ToDictionary(p => p.Id);
        var position = 0;
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case PromptChangeKind.Added:
                    var added = new ReflectionPrompt { ModuleId = module.Id, Text = change.Text, Position = position++ };
                    module.Prompts.Add(added);
                    // Said outright: a new prompt found through a tracked module with its id already set would be taken for
                    // an existing one.
                    db.ReflectionPrompts.Add(added);
                    break;
                case PromptChangeKind.Removed:
                    module.Prompts.Remove(existing[change.PromptId!.Value]);
                    break;
                default:
                    var prompt = existing[change.PromptId!.Value];
                    prompt.Text = change.Text;
                    prompt.Position = position++;
                    break;
            }
        }
    }

    private async Task<HashSet<string>> SlugsAsync(Course course, IReadOnlyList<ImportPageInput> pages, IReadOnlyList<CourseModule?> targets, CancellationToken cancellationToken)
    {
        var slugs = new HashSet<string>(await db.Modules.Where(m => m.CourseId == course.Id).Select(m => m.Slug).ToListAsync(cancellationToken), StringComparer.Ordinal);
        slugs.UnionWith(pages.Zip(targets).Select(p => p.Second?.Slug ?? p.First.Slug).OfType<string>());
        return slugs;
    }

    private string Body(ImportPageInput page, HashSet<string> slugs, Func<string, string> moduleHref, CancellationToken cancellationToken) =>
        InternalLinkRewriter.Rewrite(sanitizer.Sanitize(page.BodyHtml, cancellationToken), page.SiteBaseUrl, slug => slugs.Contains(slug) ? moduleHref(slug) : null);
}
