using System.Globalization;

namespace CoSie.Platform.Web.Features.Lti.Services;

// What a kept failure code ("Kind status", LtiServiceException.Code) means, in the reader's words.
public static class ServiceFailures
{
    public static string Message(string? code, IStringLocalizer localizer)
    {
        var parts = (code ?? string.Empty).Split(' ', 2);
        var status = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return (Enum.TryParse<ServiceFailure>(parts[0], out var failure) ? failure : ServiceFailure.BadAnswer) switch
        {
            ServiceFailure.TokenRefused => localizer["The LMS refused the tool's access token request (HTTP {status}): check the client id and the tool's key set address in the LMS.", status],
            ServiceFailure.TokenUnavailable => localizer["The LMS token endpoint did not answer or failed; it is tried again."],
            ServiceFailure.ServiceRefused => localizer["The LMS refused the request (HTTP {status}): the service may not be enabled for this tool.", status],
            ServiceFailure.ServiceUnavailable => localizer["The LMS service did not answer or failed; it is tried again."],
            ServiceFailure.NoGradebook => localizer["The LMS course offers no gradebook to this tool."],
            ServiceFailure.RegistrationDisabled => localizer["The institution's registration of this LMS is disabled: the score is sent once an administrator enables it again."],
            _ => localizer["The LMS answered in a form the tool does not understand."],
        };
    }
}
