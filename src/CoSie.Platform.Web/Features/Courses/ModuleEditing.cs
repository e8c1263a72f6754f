using System.Text.RegularExpressions;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoSie.Platform.Web.Features.Courses;

// Turns the module form into a module: renders and sanitizes the body, keeps prompt ids stable (discussions
// hang off them), and checks what DataAnnotations cannot.
public sealed partial class ModuleEditing(
    PlatformDbContext db, MarkdownRenderer markdown, HtmlContentSanitizer sanitizer, PromptRemoval removal, TimeProvider clock,
    IStringLocalizer<ModuleEditing> localizer)
{
    public const int MaxPrompts = 20;

    public string RenderBody(BodyFormat format, string? body) =>
        string.IsNullOrWhiteSpace(body) ? string.Empty
        : format == BodyFormat.Markdown ? markdown.RenderModule(body) : sanitizer.Sanitize(body);

    public static ModuleInput ToInput(CourseModule module) => new()
    {
        Title = module.Title,
        Slug = module.Slug,
        Format = module.Format,
        Language = module.Language,
        Body = module.BodySource,
        Prompts = module.Prompts.OrderBy(p => p.Position).Select(p => new ModuleInput.PromptInput { Id = p.Id, Text = p.Text }).ToList(),
        Literature = string.Join('\n', module.Literature.Select(l => InlineMarkdown.FromHtml(l.Html))),
    };

    // What a post of the module form does before saving: a prompt-list command edits the form and shows it again (its
    // half-typed fields not judged yet), anything else is validated. True when the form is ready to save.
    public async Task<bool> ReadyToSaveAsync(
        Guid courseId, Guid? moduleId, string? command, ModuleInput input, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        if (ModuleFormCommand.TryEditPrompts(command, input))
        {
            modelState.Clear();
            return false;
        }
        return await ValidateAsync(courseId, moduleId, input, modelState, prefix, cancellationToken);
    }

    private async Task<bool> ValidateAsync(Guid courseId, Guid? moduleId, ModuleInput input, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        input.Slug = Slugs.Choose(Slugs.Module, input.Slug, input.Title);
        if (string.IsNullOrEmpty(input.Slug))
        {
            input.Slug = "module";
        }
        if (!string.IsNullOrWhiteSpace(input.Language) && PlatformLanguages.FindContent(input.Language) is null)
        {
            modelState.AddModelError($"{prefix}.Language", localizer["Choose a language from the list."]);
        }
        if (Slugs.Problem(Slugs.Module, input.Slug) is { } problem)
        {
            modelState.AddModelError($"{prefix}.Slug", localizer.Describe(problem, Slugs.Module, input.Slug));
        }
        else if (await db.Modules.AnyAsync(m => m.CourseId == courseId && m.Slug == input.Slug && m.Id != moduleId, cancellationToken))
        {
            modelState.AddModelError($"{prefix}.Slug", localizer["Another module of this course already uses “{slug}”.", input.Slug]);
        }
        if (input.Prompts.Count(p => !string.IsNullOrWhiteSpace(p.Text)) > MaxPrompts)
        {
            modelState.AddModelError($"{prefix}.Prompts", localizer["A module has at most {count, plural, one {# prompt} other {# prompts}}.", MaxPrompts]);
        }
        if (moduleId is { } id)
        {
            var kept = input.Prompts.Where(p => !string.IsNullOrWhiteSpace(p.Text) && p.Id is not null).Select(p => p.Id!.Value).ToHashSet();
            var removed = await db.ReflectionPrompts.Where(p => p.ModuleId == id && p.CohortId == null && !kept.Contains(p.Id))
                .Select(p => new { p.Id, p.Text }).ToListAsync(cancellationToken);
            var answered = await removal.AnsweredAsync(removed.Select(p => p.Id).ToList(), cancellationToken);
            foreach (var prompt in removed.Where(p => answered.Contains(p.Id)))
            {
                modelState.AddModelError(
                    $"{prefix}.Prompts",
                    localizer["“{prompt}” cannot be removed: members have reflected on it, and their discussions would go with it. Change its wording instead.", prompt.Text]);
            }
        }
        return modelState.IsValid;
    }

    public void Apply(CourseModule module, ModuleInput input)
    {
        var now = clock.GetUtcNow();
        module.Title = input.Title.Trim();
        module.Slug = input.Slug!;
        module.Format = input.Format;
        module.Language = PlatformLanguages.FindContent(input.Language);
        module.BodySource = input.Body ?? string.Empty;
        module.BodyHtml = RenderBody(input.Format, input.Body);
        module.Literature = LiteratureFrom(input.Literature);
        module.UpdatedAt = now;
        if (module.CreatedAt == default)
        {
            module.CreatedAt = now;
        }

        var wanted = input.Prompts.Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
        var existing = module.Prompts.ToDictionary(p => p.Id);
        var kept = new List<ReflectionPrompt>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var text = wanted[i].Text!.Trim();
            if (wanted[i].Id is { } id && existing.Remove(id, out var prompt))
            {
                prompt.Text = text;
                prompt.Position = i;
                kept.Add(prompt);
            }
            else
            {
                kept.Add(new ReflectionPrompt { ModuleId = module.Id, Text = text, Position = i });
            }
        }
        foreach (var removed in existing.Values)
        {
            module.Prompts.Remove(removed);
        }
        foreach (var prompt in kept.Where(p => !module.Prompts.Contains(p)))
        {
            module.Prompts.Add(prompt);
        }
    }

    // One reference per line, as Markdown or as inline HTML; bare DOIs and addresses become links.
    public List<LiteratureItem> LiteratureFrom(string? lines) =>
        (lines ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => LiteratureReferenceFactory.FromHtml(Tag().IsMatch(line) ? line : markdown.RenderModule(line), sanitizer))
            .OfType<LiteratureReference>()
            .Select(ToItem)
            .ToList();

    public static LiteratureItem ToItem(LiteratureReference reference) =>
        new() { Html = reference.Html, Text = reference.Text, Urls = [.. reference.Urls] };

    [GeneratedRegex("<[a-zA-Z/][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
