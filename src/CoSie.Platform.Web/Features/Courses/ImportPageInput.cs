using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Courses;

// One page of an upload as the instructor reviews it. Everything here comes back from the browser, so the
// body and literature are sanitized again when the import is confirmed.
public sealed class ImportPageInput
{
    public bool Include { get; set; } = true;

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200, ErrorMessage = "A title has at most {1, plural, one {# character} other {# characters}}.")]
    public string Title { get; set; } = string.Empty;

    [StringLength(Slugs.ModuleMaxLength, ErrorMessage = "A slug has at most {1, plural, one {# character} other {# characters}}.")]
    public string? Slug { get; set; }

    [StringLength(16, ErrorMessage = "Choose a language from the list.")]
    public string? Language { get; set; }

    [DataType(DataType.MultilineText)]
    public string BodyHtml { get; set; } = string.Empty;

    [DataType(DataType.MultilineText)]
    public List<string?> Prompts { get; set; } = [];

    [DataType(DataType.MultilineText)]
    public string? Literature { get; set; }

    // Why each prompt was detected, by index of Prompts; shown again when the preview comes back with errors.
    public List<string?> PromptReasons { get; set; } = [];

    public string? PostType { get; set; }

    public string SourceKind { get; set; } = string.Empty;
    public string? SourceUrl { get; set; }
    public string? SourceId { get; set; }
    public string? SiteBaseUrl { get; set; }

    // The preview's notes on what the import dropped or changed (worded when the file was read), carried through the form
    // so that a preview shown again with errors still lists them.
    public List<string> Warnings { get; set; } = [];
    public List<string> Changes { get; set; } = [];
}
