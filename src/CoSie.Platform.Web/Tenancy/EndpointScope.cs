namespace CoSie.Platform.Web.Tenancy;

public enum EndpointScope
{
    // Works with or without an institution (account pages, errors).
    Any,
    // Only outside an institution: the platform's landing page and administration.
    Platform,
    // Only inside an institution: everything an institution owns.
    Institution,
}
