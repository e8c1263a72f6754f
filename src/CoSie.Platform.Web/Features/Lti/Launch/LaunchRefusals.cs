namespace CoSie.Platform.Web.Features.Lti.Launch;

// How each refusal is said on the page the LMS shows (in its frame or window), for whoever tells the LMS admin, and
// its status: a request that is wrong in itself is 400, one that proves nothing about who sent it is 401, a deep
// linking request of someone who may not pick links 403, and a picker or a launch ticket that is gone 404.
public static class LaunchRefusals
{
    public static int Status(LaunchRefusal refusal) => refusal switch
    {
        LaunchRefusal.MissingParameters or LaunchRefusal.UnknownPlatform or LaunchRefusal.WrongMessage
            or LaunchRefusal.NoIdentity or LaunchRefusal.NoCourse or LaunchRefusal.WrongTarget
            or LaunchRefusal.DeepLinkingTypes => StatusCodes.Status400BadRequest,
        LaunchRefusal.DeepLinkingForInstructors => StatusCodes.Status403Forbidden,
        LaunchRefusal.DeepLinkingExpired or LaunchRefusal.TicketUsed => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status401Unauthorized,
    };

    public static string Message(LaunchRefusal refusal, IStringLocalizer localizer) => refusal switch
    {
        LaunchRefusal.MissingParameters => localizer["The LMS sent an incomplete request: the issuer, the login hint, the target link and, for a launch, the token and the state are required."],
        LaunchRefusal.UnknownPlatform => localizer["No learning platform of this institution with the issuer and client id of this request accepts launches. Check the registration under Learning platforms (LTI), and that the LMS uses this institution's addresses."],
        LaunchRefusal.StateMismatch => localizer["This launch did not start from a login in this browser, or it took too long. Open the link in the LMS again; if this keeps happening, the browser may be blocking the tool's cookies."],
        LaunchRefusal.KeysUnavailable => localizer["The public keys of the LMS could not be fetched from the keyset URL of its registration. Check that address and that the LMS can be reached."],
        LaunchRefusal.BadSignature => localizer["The signature of the launch does not match the public keys of the LMS. Check the keyset URL of the registration."],
        LaunchRefusal.WrongIssuer => localizer["The launch comes from another issuer than the registered one."],
        LaunchRefusal.WrongAudience => localizer["The launch is meant for another client id than the registered one."],
        LaunchRefusal.Expired => localizer["The launch has expired or is not valid yet. Check the clock of the LMS, then open the link again."],
        LaunchRefusal.Replayed => localizer["This launch was used already. Open the link in the LMS again."],
        LaunchRefusal.UnknownDeployment => localizer["The launch comes from a deployment that is not registered. Add its deployment id to the registration."],
        LaunchRefusal.WrongMessage => localizer["This is not an LTI 1.3 resource link launch, which is the only kind of message accepted here."],
        LaunchRefusal.NoIdentity => localizer["The LMS did not share who is launching (their id, name and e-mail address). Set the privacy options of the tool in the LMS to share them."],
        LaunchRefusal.EmailTaken => localizer["An account with the e-mail address of this person exists already and is not linked to this LMS; it is not taken over by a launch."],
        LaunchRefusal.NoCourse => localizer["The link names no course of this institution. Give the link the custom parameter course=, followed by the address of the course."],
        LaunchRefusal.AccountDisabled => localizer["This account is disabled."],
        LaunchRefusal.WrongTarget => localizer["The link points to another address than this tool's. Give the link the launch address shown on the tool configuration page."],
        LaunchRefusal.DeepLinkingForInstructors => localizer["Only instructors choose what a link of the LMS opens. Ask an instructor of the course to add the link."],
        LaunchRefusal.DeepLinkingTypes => localizer["The LMS asked for content that this tool does not offer: it links only LTI resource links (ltiResourceLink), and needs the address to send the choice to."],
        LaunchRefusal.DeepLinkingExpired => localizer["This choice was made already or took too long. Start adding the link in the LMS again."],
        LaunchRefusal.TicketUsed => localizer["This link to open the platform was used already or has expired. Open the link in the LMS again."],
        _ => localizer["The launch from the LMS did not work"],
    };
}
