// As in ImportTexts: every enum value named, no discard, so a new one fails the build until it has its words.
#pragma warning disable CS8524

namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// What the preview says about each prompt and about what was left out. Every English text is a literal key, so the
// catalogue check finds each one.
internal static class PromptTexts
{
    public static string Reason(this IStringLocalizer localizer, PromptCue cue) => cue.Kind switch
    {
        PromptCueKind.Heading => localizer["Found under the heading “{cue}”.", cue.Text],
        PromptCueKind.Label => localizer["Found after “{cue}”.", cue.Text],
        PromptCueKind.CueSentence => localizer["Opens with “{cue}”.", cue.Text],
        PromptCueKind.Marker => localizer["Marked “{cue}” in the text.", cue.Text],
        PromptCueKind.Callout => localizer["A question in a callout or quote."],
        PromptCueKind.CommentInvitation => localizer["A question the page asks readers to answer in the comments."],
        PromptCueKind.ClosingQuestion => localizer["The question the page ends with."],
        PromptCueKind.Listed => localizer["Listed in the front matter of the file."],
    };

    public static string Describe(this IStringLocalizer localizer, PromptSkip skip) => skip.Reason switch
    {
        PromptSkipReason.Quiz => localizer["The questions under “{cue}” were not taken as prompts: they are a quiz.", skip.Text],
        PromptSkipReason.Feedback => localizer["“{question}” was not taken as a prompt: it asks for feedback on the course.", skip.Text],
    };

    public static string Describe(this IStringLocalizer localizer, PluginRemoval removal) => removal.Kind switch
    {
        PluginMarkupKind.Quiz => localizer["Removed the {plugin} quiz: it works only inside WordPress.", removal.Plugin],
        PluginMarkupKind.Form => localizer["Removed the {plugin} form: it works only inside WordPress.", removal.Plugin],
    };
}
