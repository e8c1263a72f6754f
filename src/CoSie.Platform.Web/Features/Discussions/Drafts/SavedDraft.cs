namespace CoSie.Platform.Web.Features.Discussions.Drafts;

// The draft a page restores into its form, read in the page's access check so that restoring costs no query.
public sealed record SavedDraft(string Body, DateTimeOffset SavedAt);
