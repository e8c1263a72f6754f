namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// Why a prompt was taken; the preview says it beside each prompt.
internal enum PromptCueKind
{
    // Under a heading or bold line that announces questions or tasks ("Questions for reflection", "Sfida").
    Heading,

    // After a label that announces them ("Pause and reflect:", "**Discussion**:").
    Label,

    // A paragraph that opens with a thinking cue ("Think back to…", "Zastanów się…").
    CueSentence,

    // A paragraph or list item marked the way the course marks its questions ("✅").
    Marker,

    // A question inside a callout, pull quote or quote.
    Callout,

    // A question followed by an invitation to answer in the comments.
    CommentInvitation,

    // The question the page ends with.
    ClosingQuestion,

    // Listed by the file itself (Markdown front matter).
    Listed,
}
