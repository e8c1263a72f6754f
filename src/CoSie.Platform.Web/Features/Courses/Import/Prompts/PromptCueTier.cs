namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// How much a heading promises: every item of what follows, the tasks in it, or only its questions.
internal enum PromptCueTier
{
    // "Questions for reflection", "Do przemyślenia": the list, quote or questions that follow are prompts.
    Questions,

    // "Challenge", "Sfida", "Activity": the paragraphs of the section are tasks; its list items only when they are
    // questions or tasks.
    Tasks,

    // "Review & Self Study": only the questions in the section are prompts; the rest is reading.
    Study,
}
