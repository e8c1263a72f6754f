namespace CoSie.Platform.Web.Features.Discussions.Drafts;

// The draft a page restores into its form, read in the page's access check so that restoring costs no query.
public sealed record SavedDraft(string Body, DateTimeOffset SavedAt)
{
    // From the check's two columns, both null when there is no draft.
    public static SavedDraft? Of(string? body, DateTimeOffset? savedAt) =>
        body is not null && savedAt is { } at ? new SavedDraft(body, at) : null;
}
