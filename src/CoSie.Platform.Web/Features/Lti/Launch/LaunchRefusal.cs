namespace CoSie.Platform.Web.Features.Lti.Launch;

// Why a login initiation or a launch from an LMS was refused; each has its message for the LMS admin (LaunchRefusals)
// and goes to the log.
public enum LaunchRefusal
{
    MissingParameters,
    UnknownPlatform,
    StateMismatch,
    KeysUnavailable,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Expired,
    Replayed,
    UnknownDeployment,
    WrongMessage,
    NoIdentity,
    EmailTaken,
    NoCourse,
    AccountDisabled,
    WrongTarget,
    DeepLinkingForInstructors,
    DeepLinkingTypes,
    DeepLinkingExpired,
    TicketUsed,
}
