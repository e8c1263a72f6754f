namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

internal enum PromptSkipReason
{
    // Questions under a cue that belong to a quiz (choices, "--- question ---" blocks).
    Quiz,

    // A question about the course itself ("Was this helpful? Let us know in the comments").
    Feedback,
}
