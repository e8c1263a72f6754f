using System.Net;
using System.Text;

namespace CoSie.Platform.IntegrationTests.Security;

// Every shape of body that the platform must refuse with 413 or 400, never a 500: too large (with a Content-Length, and
// sent chunked without one), more fields than the form reader takes, an over-long key or value, a multipart body with a
// broken boundary or too many parts, broken percent-encoding.
public static class BodyShapes
{
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    // The form reader's defaults (FormOptions): at most 1,024 fields, keys of at most 2,048 characters, multipart
    // boundaries of at most 128.
    private const int FieldCountLimit = 1024;
    private const int KeyLengthLimit = 2048;
    private const int BoundaryLengthLimit = 128;

    public static readonly BodyShape[] All =
    [
        // The size is the many fields together, not one of them.
        new("over the limit, with a Content-Length", HttpStatusCode.RequestEntityTooLarge, (fields, limit) =>
            Encoded([.. fields, .. Enumerable.Range(0, 1000).Select(i => Field($"Input.F{i}", new string('x', (int)(limit / 1000) + 1)))])),
        new("over the limit, chunked without a Content-Length", HttpStatusCode.RequestEntityTooLarge, (fields, limit) =>
            Encoded([.. fields, Field("Input.Body", new string('x', (int)limit + 1))]) with { Chunked = true }),
        // The value limit is the body limit (FormOptions.ValueLengthLimit is lifted so that module bodies fit), so one
        // value over it is a body over the limit too.
        new("a value longer than allowed", HttpStatusCode.RequestEntityTooLarge, (fields, limit) =>
            Encoded([.. fields, Field("Input.Body", new string('x', (int)limit + 1))])),
        new("more fields than allowed", HttpStatusCode.BadRequest, (fields, _) =>
            Encoded([.. fields, .. Enumerable.Range(0, FieldCountLimit + 1).Select(i => Field($"f{i}", "1"))])),
        new("a key longer than allowed", HttpStatusCode.BadRequest, (fields, _) =>
            Encoded([.. fields, Field(new string('k', KeyLengthLimit + 1), "1")])),
        new("a multipart boundary longer than allowed", HttpStatusCode.BadRequest, (fields, _) =>
            Multipart(fields, new string('b', BoundaryLengthLimit + 1), 0)),
        new("a multipart body that never reaches its boundary", HttpStatusCode.BadRequest, (fields, _) =>
            Multipart(fields, "declared", 0) with { ContentType = "multipart/form-data; boundary=other" }),
        new("more multipart parts than allowed", HttpStatusCode.BadRequest, (fields, _) =>
            Multipart(fields, "parts", FieldCountLimit + 1)),
        new("broken percent-encoding", HttpStatusCode.BadRequest, (fields, _) =>
            Raw(UrlEncoded, Encode(fields) + "&Input.Body=50%zz&Input.Title=%E")),
    ];

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    public static HttpContent Content(BodyShape.Body body)
    {
        HttpContent content = body.Chunked ? new UnsizedContent(body.Bytes) : new ByteArrayContent(body.Bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        return content;
    }

    private static BodyShape.Body Encoded(IEnumerable<KeyValuePair<string, string>> fields) => Raw(UrlEncoded, Encode(fields));

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static BodyShape.Body Raw(string contentType, string body) => new(contentType, Encoding.ASCII.GetBytes(body), Chunked: false);

    private static BodyShape.Body Multipart(IEnumerable<KeyValuePair<string, string>> fields, string boundary, int extraParts)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in fields.Concat(Enumerable.Range(0, extraParts).Select(i => Field($"p{i}", "1"))))
        {
            body.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n").Append(value).Append("\r\n");
        }
        body.Append("--").Append(boundary).Append("--\r\n");
        return new BodyShape.Body($"multipart/form-data; boundary={boundary}", Encoding.UTF8.GetBytes(body.ToString()), Chunked: false);
    }

    // Content whose length is not known in advance: sent chunked, as a streaming client sends it.
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
