using System.Net;

namespace CoSie.Platform.IntegrationTests.Security;

// One way a request body can be wrong, the bytes that make it (given the form's own fields, antiforgery token included,
// and the endpoint's body limit) and the answer it must get: 413 with the "Too large" page, or 400 with "Bad request".
public sealed record BodyShape(string Name, HttpStatusCode Expected, Func<IReadOnlyList<KeyValuePair<string, string>>, long, BodyShape.Body> Make)
{
    public string Heading => Expected == HttpStatusCode.RequestEntityTooLarge ? "<h1>Too large</h1>" : "<h1>Bad request</h1>";

    public sealed record Body(string ContentType, byte[] Bytes, bool Chunked);
}
