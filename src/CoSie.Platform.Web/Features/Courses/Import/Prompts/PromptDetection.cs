using AngleSharp.Dom;

namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

internal sealed record PromptDetection(
    IReadOnlyList<DetectedPrompt> Prompts,
    IReadOnlyList<PromptSkip> Skipped,
    IReadOnlySet<IElement> Removed);
