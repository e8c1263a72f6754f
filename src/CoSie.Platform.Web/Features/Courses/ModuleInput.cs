using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Courses;

// The module form: shared by "new module" and "edit module".
public sealed class ModuleInput
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200, ErrorMessage = "A title has at most {1, plural, one {# character} other {# characters}}.")]
    public string Title { get; set; } = string.Empty;

    [StringLength(Slugs.ModuleMaxLength, ErrorMessage = "A slug has at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Slug (the module's address)")]
    public string? Slug { get; set; }

    public BodyFormat Format { get; set; } = BodyFormat.Markdown;

    [StringLength(16, ErrorMessage = "Choose a language from the list.")]
    [Display(Name = "Language of the content")]
    public string? Language { get; set; }

    [DataType(DataType.MultilineText)]
    [StringLength(CourseModule.MaxBodyLength, ErrorMessage = "The body has at most {1, plural, one {# character} other {# characters}}.")]
    public string? Body { get; set; }

    public List<PromptInput> Prompts { get; set; } = [];

    [DataType(DataType.MultilineText)]
    [StringLength(20_000, ErrorMessage = "The literature has at most {1, plural, one {# character} other {# characters}}.")]
    [Display(Name = "Literature (one reference per line)")]
    public string? Literature { get; set; }

    public sealed class PromptInput
    {
        public Guid? Id { get; set; }

        [DataType(DataType.MultilineText)]
        [StringLength(ReflectionPrompt.MaxLength, ErrorMessage = "A prompt has at most {1, plural, one {# character} other {# characters}}.")]
        public string? Text { get; set; }
    }
}
