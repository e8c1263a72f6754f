namespace CoSie.Platform.Web.Domain;

// The rules of one kind of slug: its lengths and the words the pages beside it already use.
public sealed record SlugKind(SlugOwner Owner, int MinLength, int MaxLength, IReadOnlySet<string> Reserved);
