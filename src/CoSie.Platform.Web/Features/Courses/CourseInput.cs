using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Courses;

public sealed class CourseInput
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200, ErrorMessage = "A title has at most {1, plural, one {# character} other {# characters}}.")]
    public string Title { get; set; } = string.Empty;

    [StringLength(Slugs.CourseMaxLength, ErrorMessage = "A slug has at most {1, plural, one {# character} other {# characters}}.")]
    public string? Slug { get; set; }

    [DataType(DataType.MultilineText)]
    [StringLength(2_000, ErrorMessage = "A summary has at most {1, plural, one {# character} other {# characters}}.")]
    public string? Summary { get; set; }

    public CourseVisibility Visibility { get; set; } = CourseVisibility.MembersOnly;
}
