namespace CoSie.Platform.Web.Domain;

// Whose address a slug is part of: the platform's first path segment, or a segment of the course pages.
public enum SlugOwner
{
    Institution,
    Course,
    Module,
}
