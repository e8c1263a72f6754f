namespace CoSie.Platform.Web.Features.Courses.Import;

// What confirming an import would change in a module that came from the same source object.
public sealed record ModuleUpdate(Guid ModuleId, string Slug, string Title, bool TitleChanged, bool BodyChanged, IReadOnlyList<PromptChange> Prompts)
{
    public bool ChangesNothing => !TitleChanged && !BodyChanged && Prompts.All(p => p.Kind is PromptChangeKind.Unchanged);
}
