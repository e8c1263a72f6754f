namespace CoSie.Platform.Web.Features.Digests;

// Thrown so that Hangfire retries the job; the delivery row keeps the attempts and the error.
public sealed class DigestNotSentException(Guid deliveryId, Exception? inner)
    : Exception($"Digest {deliveryId} was not accepted by the mail server; it will be tried again.", inner);
