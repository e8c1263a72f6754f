namespace CoSie.Platform.Web.Features.Lti.Services;

// Why a call to an LMS service failed, kept with the roster or the score as "Kind status" (ServiceFailures.Message
// turns it into words for the instructor).
public enum ServiceFailure
{
    // The token endpoint refused the tool (a wrong client id, key or scope in the registration).
    TokenRefused,

    // The token endpoint could not be reached or failed.
    TokenUnavailable,

    // The service refused the token (the LMS does not grant the scope to this tool).
    ServiceRefused,

    // The service could not be reached or failed.
    ServiceUnavailable,

    // The answer was not what the specification describes.
    BadAnswer,

    // The LMS course offers no gradebook columns to write to (no lineitems address in its launches).
    NoGradebook,

    // The institution's registration of the LMS is disabled, so nothing is sent to it (not a failed call: none is made).
    RegistrationDisabled,
}
