namespace CoSie.Platform.Web.Features.Research;

// Every file of a research export and every column of it, with what the column means. The writer takes its headers
// from here, so a column cannot be exported without being described. The descriptions are in English on purpose: a
// research data set documents itself in one language, whoever exported it.
public static class Codebook
{
    public const string Withheld = Pseudonyms.Withheld;
    public const string Removed = "[removed]";

    public static readonly ExportFile Reflections = new("reflections", "One row per reflection (a member's answer to a prompt; the root of a discussion thread).",
    [
        new("reflection_id", "Identifier of the reflection; replies.reflection_id and helpful_marks.reflection_id refer to it."),
        new("prompt_id", "The prompt answered; see prompts.prompt_id."),
        new("author", $"Pseudonym of the author, stable within this export only. \"{Pseudonyms.Withheld}\" when the author has not given research consent for the cohort, \"{Pseudonyms.DeletedAccount}\" when the account no longer exists."),
        new("status", "visible, hidden (hidden by a moderator), deleted (deleted by its author) or awaiting_approval."),
        new("created_at", "When it was posted (UTC, ISO 8601)."),
        new("edited_at", "When it was last edited (UTC, ISO 8601), empty if never."),
        new("body", $"The text as its author wrote it (Markdown). \"{Withheld}\" when the author has not given consent; \"{Removed}\" when the post is hidden, deleted or awaiting approval, as readers of the cohort see it."),
    ]);

    public static readonly ExportFile Replies = new("replies", "One row per reply, in thread order. parent_reply_id and reflection_id rebuild the tree.",
    [
        new("reply_id", "Identifier of the reply."),
        new("reflection_id", "The thread (reflection) the reply belongs to."),
        new("parent_reply_id", "The reply this one answers; empty when it answers the reflection itself."),
        new("depth", "0 for a reply to the reflection, 1 for a reply to such a reply, and so on."),
        new("author", "Pseudonym of the author, as in reflections.author."),
        new("status", "As in reflections.status."),
        new("created_at", "When it was posted (UTC, ISO 8601)."),
        new("edited_at", "When it was last edited (UTC, ISO 8601), empty if never."),
        new("body", "As in reflections.body."),
    ]);

    public static readonly ExportFile HelpfulMarks = new("helpful_marks", "One row per \"helpful\" mark a member gave a post.",
    [
        new("post_id", "The reflection or reply marked (reflections.reflection_id or replies.reply_id)."),
        new("reflection_id", "The thread the post belongs to."),
        new("marked_by", "Pseudonym of the member who marked it, as in reflections.author."),
        new("created_at", "When it was marked (UTC, ISO 8601)."),
    ]);

    public static readonly ExportFile Prompts = new("prompts", "The reflection prompts of the cohort's course.",
    [
        new("prompt_id", "Identifier of the prompt."),
        new("module_id", "Identifier of the module the prompt belongs to."),
        new("module_title", "Title of the module."),
        new("position", "Order of the prompt within its module, from 0."),
        new("text", "The prompt's text."),
    ]);

    public static readonly ExportFile Consent = new("consent", "Research consent of the cohort's members at the time of the export.",
    [
        new("member", $"Pseudonym of a member who has given consent, or \"{Pseudonyms.Withheld}\" for one who has not."),
        new("role", "learner, instructor or observer."),
        new("consent", "true when the member had given research consent for the cohort at the time of the export."),
        new("since", "When the member last gave or withdrew consent (UTC, ISO 8601), empty if never."),
    ]);

    public static readonly ExportFile CodebookFile = new("codebook", "This description of every column of every file.",
    [
        new("file", "The file name (each data set comes as .csv and .json; the JSON holds the same columns as properties)."),
        new("column", "The column."),
        new("description", "What the column holds."),
    ]);

    public static IReadOnlyList<ExportFile> Files { get; } = [Reflections, Replies, HelpfulMarks, Prompts, Consent, CodebookFile];

    public sealed record ExportFile(string Name, string Description, IReadOnlyList<Column> Columns)
    {
        public string[] Header => [.. Columns.Select(c => c.Name)];
    }

    public sealed record Column(string Name, string Description);
}
