namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// Text is the cue as the page wrote it (the heading, label or marker), empty where the kind says it all.
internal sealed record PromptCue(PromptCueKind Kind, string Text);
