namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

internal sealed record DetectedPrompt(string Text, PromptCue Cue);
