namespace CoSie.Platform.Web.Features.Digests;

public sealed class DigestBusyException(Guid deliveryId, DateTimeOffset leaseUntil)
    : Exception($"Digest {deliveryId} is held until {leaseUntil:O}; it will be tried again.");
