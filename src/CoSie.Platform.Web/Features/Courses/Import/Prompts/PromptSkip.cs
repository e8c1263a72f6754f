namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// Something that looked like a prompt and was deliberately not taken, so the preview can say so.
internal sealed record PromptSkip(PromptSkipReason Reason, string Text);
