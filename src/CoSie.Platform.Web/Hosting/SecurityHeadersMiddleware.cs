namespace CoSie.Platform.Web.Hosting;

// No inline script or style anywhere but an import map: every script is a file under wwwroot, so the policy can stay
// strict. A page that writes an import map asks for a nonce, and only its response's policy admits that one element.
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly object NonceKey = new();
    private static readonly object FramesKey = new();
    private static readonly object FormActionKey = new();
    private static readonly object FrameAncestorsKey = new();

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A response that needs its own, narrower policy sets it (the digest preview: a mail's inline styles,
            // framed by our own page only); everything else gets the site's.
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                var policy = context.Items[NonceKey] is string nonce
                    ? ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                    : ContentSecurityPolicy;
                if (context.Items[FormActionKey] is string formAction)
                {
                    policy = policy.Replace("form-action 'self'", $"form-action 'self' {formAction}", StringComparison.Ordinal);
                }
                if (context.Items[FrameAncestorsKey] is string ancestors)
                {
                    // X-Frame-Options cannot name several origins, and antiforgery sets SAMEORIGIN when a page has a form.
                    policy = policy.Replace("frame-ancestors 'none'", $"frame-ancestors {ancestors}", StringComparison.Ordinal);
                    headers.Remove("X-Frame-Options");
                }
                else
                {
                    headers.XFrameOptions = "DENY";
                }
                headers.ContentSecurityPolicy = context.Items[FramesKey] is string frames ? $"{policy}; frame-src {frames}" : policy;
            }
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }

    // Lets this response's page frame content from exactly these origins (a module's click-to-load embeds); every other
    // page may frame nothing but itself.
    public static void AllowFrames(HttpContext context, string origins) => context.Items[FramesKey] = origins;

    // Lets this response's forms post to this origin too (the deep linking answer, posted to the LMS).
    public static void AllowFormAction(HttpContext context, string origin) => context.Items[FormActionKey] = origin;

    // Lets these origins, and only these, frame this response (the LMS of an LTI launch; Lti/Framing decides which).
    public static void AllowFramingBy(HttpContext context, string origins) => context.Items[FrameAncestorsKey] = origins;

    // The response's script nonce, made on first use: pages are rendered into a buffer before the response starts, so
    // the policy written as it starts includes it.
    public static string ScriptNonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }
        return nonce;
    }
}
