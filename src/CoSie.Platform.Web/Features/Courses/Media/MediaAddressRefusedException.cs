namespace CoSie.Platform.Web.Features.Courses.Media;

public sealed class MediaAddressRefusedException(string host)
    : IOException($"{host} resolves only to private or loopback addresses, which imports may not reach.");
