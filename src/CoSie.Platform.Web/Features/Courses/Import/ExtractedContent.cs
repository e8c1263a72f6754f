using CoSie.Platform.Web.Features.Courses.Import.Prompts;

namespace CoSie.Platform.Web.Features.Courses.Import;

internal sealed record ExtractedContent(
    string BodyHtml,
    IReadOnlyList<DetectedPrompt> Prompts,
    IReadOnlyList<PromptSkip> SkippedPrompts,
    IReadOnlyList<LiteratureReference> Literature);
