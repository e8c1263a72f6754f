namespace CoSie.Platform.Web.Features.Lti;

// The tool's addresses inside an institution's address (after its path prefix or on its host name); the tool
// configuration page shows them in full for pasting into the LMS.
public static class LtiPaths
{
    // OIDC third-party-initiated login: the platform sends the browser here first (GET or POST).
    public const string Login = "/lti/login";

    // The target link URI and the redirect URI: the platform posts the id_token here (form_post).
    public const string Launch = "/lti/launch";

    // After a launch: on to its destination when the session's cookie came back from the LMS's frame, else the offer
    // to open the tool in a window of its own.
    public const string Continue = "/lti/continue";

    // That window of its own: it redeems the launch's ticket once, signs the person in and goes on to the destination.
    public const string Open = "/lti/open";

    // The tool's public keys (JWKS).
    public const string KeySet = "/lti/jwks";
}
