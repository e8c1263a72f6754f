namespace CoSie.Platform.Web.Features.Courses;

// The live site form of the import page: a WordPress site's address and the type of its content to import.
public sealed class SiteImportInput
{
    public string? Address { get; set; }
    public string? PostType { get; set; } = "pages";
}
