namespace CoSie.Platform.Web.Features.Discussions.Drafts;

public enum DraftOutcome
{
    Saved,
    // An empty text removes the draft: there is nothing left to keep.
    Removed,
    TooLong,
    NotFound,
    Forbidden,
}
