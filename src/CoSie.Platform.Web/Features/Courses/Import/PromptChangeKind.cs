namespace CoSie.Platform.Web.Features.Courses.Import;

public enum PromptChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,

    // Gone from the source, but members answered it: the module keeps it (PromptRemoval).
    Kept,
}
