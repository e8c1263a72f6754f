using System.Globalization;

namespace CoSie.Platform.Web.Features.Lti.Services;

// A failed call to an LMS service; Code is what the roster or the score keeps of it.
public sealed class LtiServiceException(ServiceFailure failure, int? status, string detail)
    : Exception($"{failure} {status}: {detail}")
{
    public ServiceFailure Failure { get; } = failure;
    public int? Status { get; } = status;
    public string Code => Status is { } s ? string.Create(CultureInfo.InvariantCulture, $"{Failure} {s}") : Failure.ToString();
}
