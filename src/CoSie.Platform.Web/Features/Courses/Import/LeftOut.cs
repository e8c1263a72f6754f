namespace CoSie.Platform.Web.Features.Courses.Import;

// Items of one WordPress post type in a site export that were not imported.
public sealed record LeftOut(string PostType, int Count);
