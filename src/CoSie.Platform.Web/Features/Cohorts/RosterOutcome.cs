namespace CoSie.Platform.Web.Features.Cohorts;

public enum RosterOutcome
{
    Invited,
    InvitedAgain,
    AlreadyMember,
    DuplicateInFile,
    InvalidEmail,
    InvalidRole,
    NameTooLong,
    ExtraColumns,
    // The invitation exists, but the mail server did not take the message; uploading again re-sends it.
    NotSent,
}
