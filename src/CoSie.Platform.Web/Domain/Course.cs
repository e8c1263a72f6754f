namespace CoSie.Platform.Web.Domain;

public sealed class Course : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = string.Empty;
    public CourseVisibility Visibility { get; set; } = CourseVisibility.MembersOnly;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CourseModule> Modules { get; set; } = [];

    public bool IsPublic => Visibility == CourseVisibility.Public;
}
