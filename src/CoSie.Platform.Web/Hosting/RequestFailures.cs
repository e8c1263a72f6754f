namespace CoSie.Platform.Web.Hosting;

// What status a failed request is answered with, decided in one place for the exception handler, the form reader and
// the failure log. What the client sent wrong is the client's error, with the server's own status (413 for a body cut
// off at the limit), not a 500 that reads as ours; a form that cannot be parsed is a bad request; the database being
// away is not a bug of the page, and 503 tells browsers, proxies and monitors to come back.
public static class RequestFailures
{
    // The exception, or one it wraps (antiforgery and model binding wrap what reading the form threw).
    public static int StatusFor(Exception exception)
    {
        if (DatabaseOutage.Is(exception))
        {
            return StatusCodes.Status503ServiceUnavailable;
        }
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException bad:
                    return bad.StatusCode;
                case InvalidDataException:
                    return StatusCodes.Status400BadRequest;
            }
        }
        return StatusCodes.Status500InternalServerError;
    }

    // Reading and parsing a body: the server's verdict on its size or framing, the form reader's on its limits, and the
    // multipart reader's IOException for a body that ends before its closing boundary. Only ever asked about an exception
    // thrown while the body was read, where an IOException can only be the body's fault or a client that went away.
    public static int StatusForUnreadableBody(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status400BadRequest,
    };

    public static bool IsUnreadableBody(Exception exception) => exception is InvalidDataException or IOException;
}
